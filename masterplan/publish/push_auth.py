"""How this project pushes to GitHub from a workflow: the token goes to git through the environment of
the push alone (the way actions/checkout does it), never on the command line, into ``.git/config`` or
into the environment of a build (a build runs our MkDocs plugins and the pull request's content)."""

from __future__ import annotations

import base64
import os

TOKEN = "GITHUB_TOKEN"  # set by the workflows for the push only


def push_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` (a process environment) extended for one ``git push`` to https://github.com/.

    With ``GITHUB_TOKEN`` set in this process's environment (the workflows), returns a copy of ``env``
    that makes git send an HTTP ``AUTHORIZATION: basic`` header (``x-access-token:<token>``) through
    ``GIT_CONFIG_COUNT``/``GIT_CONFIG_KEY_0``/``GIT_CONFIG_VALUE_0``; without the token, ``env`` unchanged
    (a local rehearsal pushes with the user's own credentials). Never raises.
    """
    token = os.environ.get(TOKEN)
    if not token:
        return env
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    return dict(env, GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0="http.https://github.com/.extraheader",
                GIT_CONFIG_VALUE_0=f"AUTHORIZATION: basic {basic}")
