"""Tools for the tests and the benchmark, not for the build: headless Debian Chromium and a local web
server that compresses like a real host."""
