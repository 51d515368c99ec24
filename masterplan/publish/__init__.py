"""Publishing: stage tags and releases (mike), the change report between stages, CODEOWNERS from the
chapters' ``opd:`` fields, the weekly external link check."""
