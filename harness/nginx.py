"""nginx around the shipped http-context file (deploy/nginx/explorer.conf.template, rendered into ``tmp``): a
main nginx.conf whose pid, logs and temp paths all live in ``tmp``, for the deployment check and the proxy test."""

from __future__ import annotations

from pathlib import Path

MIME_TYPES = "/etc/nginx/mime.types"


def main_conf(
    tmp: Path, *, user: str = "", foreground: bool = False, access_log: str = "off", connections: int = 64
) -> str:
    """The main configuration: ``user`` a `user ...;` line or nothing, ``access_log`` the directive's arguments
    (a path and format, or off), with whatever `log_format` line that needs prepended to it by the caller."""
    return f"""{"daemon off;" if foreground else ""}
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections {connections}; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    access_log {access_log};
    include {tmp}/explorer.conf;
}}
"""
