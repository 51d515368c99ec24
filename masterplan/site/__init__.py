"""The adapter to MkDocs: the plugin ``masterplan`` (:mod:`.plugin`, thin event handlers), the state of one
build on one object (:mod:`.build`), the site search around Material's (:mod:`.search`) and log notices
(:mod:`.notices`)."""
