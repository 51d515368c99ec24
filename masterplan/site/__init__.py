"""The adapter to MkDocs: the plugin ``masterplan`` (:mod:`.plugin`, thin event handlers), the state of one
build on one object (:mod:`.build`) and log notices (:mod:`.notices`)."""
