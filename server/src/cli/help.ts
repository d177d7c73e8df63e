// The text of `lblint --help`.
export const HELP = `Usage: lblint [options] PATH...

Checks haproxy.cfg and keepalived.conf files. PATH may be a file or a directory;
directories are searched for files named like haproxy or keepalived
configurations (haproxy.cfg, *.haproxy.cfg, haproxy/*.cfg, keepalived.conf,
keepalived/**/*.conf, ...) and for *.cfg / *.conf files whose content is one.
keepalived 'include' statements are followed, relative to the including file.
A single directory whose subdirectories mirror machines' roots (lb1/etc/keepalived,
lb2/etc/haproxy, .../etc/sysctl.d, .../etc/firewalld, ...) is checked as a site:
every host, and every relation between them (docs/site.md).

Options:
  -f, --format FORMAT    Output format: stylish (default) or json (ESLint-compatible)
      --language LANG    Read every PATH as LANG: haproxy or keepalived
  -c, --config FILE      Use this lblint.config.json instead of looking one up
      --haproxy-version V     Target haproxy release (2.6 ... 3.4; default 3.4)
      --keepalived-version V  Target keepalived release (2.2 ... 2.4; default 2.4)
      --rule ID:SEVERITY Set a rule's severity (error, warning, info, off); repeatable
      --site-report      Print the site report (hosts, file status, VRRP groups, peers)
                         of a site directory, or of keepalived files compared as peers
      --list-rules       List every rule (with --format json: as JSON)
      --explain RULE     Print the documentation of a rule
      --color            Force coloured output
      --no-color         Never colour output (NO_COLOR is honoured too)
  -h, --help             Show this help
  -v, --version          Show the version

Exit status:
  0  no error found (warnings may have been reported)
  1  at least one error found
  2  usage error, or a file that could not be read or recognised
`;
