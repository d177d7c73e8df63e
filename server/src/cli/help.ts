// The text of `lblint --help`.
export const HELP = `Usage: lblint [options] PATH...

Checks haproxy.cfg and keepalived.conf files. PATH may be a file or a directory;
directories are searched for files named like haproxy or keepalived
configurations (haproxy.cfg, *.haproxy.cfg, haproxy/*.cfg, keepalived.conf,
keepalived/**/*.conf, ...) and for *.cfg / *.conf files whose content is one.
keepalived 'include' statements are followed, relative to the including file.

Options:
  -f, --format FORMAT    Output format: stylish (default) or json (ESLint-compatible)
      --language LANG    Read every PATH as LANG: haproxy or keepalived
      --color            Force coloured output
      --no-color         Never colour output (NO_COLOR is honoured too)
  -h, --help             Show this help
  -v, --version          Show the version

Exit status:
  0  no error found (warnings may have been reported)
  1  at least one error found
  2  usage error, or a file that could not be read or recognised
`;
