#!/usr/bin/env bash
# A real WordPress for the publishing tests, on 127.0.0.1 only.
#
#   scripts/wordpress-test-site.sh          install (once) and start: MariaDB, the site, users
#   scripts/wordpress-test-site.sh start    start the web server (the site must be installed)
#   scripts/wordpress-test-site.sh stop     stop the web server (MariaDB keeps running)
#   scripts/wordpress-test-site.sh status   prints "running" or "stopped"
#   scripts/wordpress-test-site.sh follow-users   the users the P2 follow tests add (below)
#
# Debian's packages (`wordpress mariadb-server php-cli php-mysql`); needs root for apt-get and
# MariaDB. Safe to run twice. Writes what the tests need (address, users, application
# passwords) to $WP_TEST_SITE_FILE (default /tmp/incident-tray-wp.json).
set -euo pipefail

PORT="${WP_TEST_PORT:-8089}"
HOST=127.0.0.1
URL="http://$HOST:$PORT"
STATE="${WP_TEST_SITE_FILE:-/tmp/incident-tray-wp.json}"
RUN_DIR=/tmp/incident-tray-wp
PID_FILE="$RUN_DIR/php.pid"
DB=incident_tray_wp
DB_USER=incident_tray_wp
DB_PASSWORD=incident-tray-test-only
CONFIG="/etc/wordpress/config-$HOST.php"

say() { echo "wordpress-test-site: $*"; }

# Starts a daemon with only stdin/stdout/stderr: an inherited pipe (a CI runner's, say) would
# otherwise stay open for as long as the daemon lives and hang whoever reads it.
detach() {
  local pid_file="$1"
  shift
  (
    [[ -n "$pid_file" ]] && echo "$BASHPID" >"$pid_file"
    for fd in /proc/$BASHPID/fd/*; do
      fd="${fd##*/}"
      if [[ "$fd" -gt 2 ]]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$@"
  )
}

server_running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

wait_for_http() {
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "$URL/?rest_route=/" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  say "the web server did not answer on $URL"
  return 1
}

start_server() {
  if server_running; then
    say "already serving $URL"
    return 0
  fi
  mkdir -p "$RUN_DIR"
  # The built-in server serves the Debian tree; a router keeps static files static and gives
  # every other path to WordPress (index.php), as Apache's rewrite rules would.
  cat >"$RUN_DIR/router.php" <<'PHP'
<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file('/usr/share/wordpress' . $path) && !str_ends_with($path, '.php')) {
    return false;
}
if (str_ends_with($path, '.php') && is_file('/usr/share/wordpress' . $path)) {
    $_SERVER['SCRIPT_NAME'] = $path;
    require '/usr/share/wordpress' . $path;
    return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require '/usr/share/wordpress/index.php';
PHP
  detach "$PID_FILE" php -S "$HOST:$PORT" -t /usr/share/wordpress "$RUN_DIR/router.php" \
    </dev/null >"$RUN_DIR/php.log" 2>&1 &
  wait_for_http
  say "serving $URL"
}

stop_server() {
  if server_running; then
    kill "$(cat "$PID_FILE")"
    for _ in $(seq 1 50); do server_running || break; sleep 0.1; done
    say "stopped $URL"
  else
    say "not running"
  fi
  rm -f "$PID_FILE"
}

start_mariadb() {
  if mysqladmin ping >/dev/null 2>&1; then return 0; fi
  # No systemd in containers: the init script, else mysqld_safe in the background.
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  detach "" service mariadb start </dev/null >/dev/null 2>&1 ||
    detach "" mysqld_safe </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 100); do
    mysqladmin ping >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  say "MariaDB did not start"
  return 1
}

install_packages() {
  if command -v php >/dev/null && [[ -f /usr/share/wordpress/wp-load.php ]] &&
    [[ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ]] &&
    command -v mysqld >/dev/null && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' && command -v curl >/dev/null; then
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentyone \
    mariadb-server php-cli php-mysql curl
}

write_config() {
  mkdir -p /etc/wordpress
  cat >"$CONFIG" <<PHP
<?php
// Incident Tray's test site (scripts/wordpress-test-site.sh). Loopback only; not for real use.
define('DB_NAME', '$DB');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
// Application passwords need HTTPS unless the environment is 'local'.
define('WP_ENVIRONMENT_TYPE', 'local');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTH_KEY', 'incident-tray-test-1');
define('SECURE_AUTH_KEY', 'incident-tray-test-2');
define('LOGGED_IN_KEY', 'incident-tray-test-3');
define('NONCE_KEY', 'incident-tray-test-4');
define('AUTH_SALT', 'incident-tray-test-5');
define('SECURE_AUTH_SALT', 'incident-tray-test-6');
define('LOGGED_IN_SALT', 'incident-tray-test-7');
define('NONCE_SALT', 'incident-tray-test-8');
PHP
}

create_database() {
  mysql <<SQL
CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON $DB.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
}

# Installs the site (once), ensures the users, and prints the state file's JSON. A new
# application password is made on every run; the older ones of the same name are revoked.
install_site() {
  HTTP_HOST="$HOST:$PORT" php <<'PHP'
<?php
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
    wp_install('Incident Tray test P2', 'admin', 'admin@example.invalid', true, '', 'admin-test-only');
}
update_option('permalink_structure', '');
// A theme, so a published post can be looked at as WordPress renders it.
switch_theme('twentytwentyone');
function ensure_user($login, $role) {
    $user = get_user_by('login', $login);
    $id = $user ? $user->ID : wp_insert_user([
        'user_login' => $login,
        'user_pass' => wp_generate_password(24),
        'user_email' => "$login@example.invalid",
        'role' => $role,
    ]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    $u = new WP_User($id);
    $u->set_role($role);
    foreach (WP_Application_Passwords::get_user_application_passwords($id) as $item) {
        if ($item['name'] === 'incident-tray-tests') {
            WP_Application_Passwords::delete_application_password($id, $item['uuid']);
        }
    }
    $made = WP_Application_Passwords::create_new_application_password($id, ['name' => 'incident-tray-tests']);
    if (is_wp_error($made)) { fwrite(STDERR, $made->get_error_message() . "\n"); exit(1); }
    return ['user' => $login, 'password' => $made[0]];
}
$editor = ensure_user('oncall', 'editor');
$reader = ensure_user('reader', 'subscriber');
echo json_encode([
    'url' => home_url(),
    'user' => $editor['user'],
    'password' => $editor['password'],
    'subscriber' => $reader,
    'admin' => ['user' => 'admin', 'password' => 'admin-test-only'],
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
PHP
}

FOLLOW_STATE="${STATE%.json}-follow.json"

# The users of the tests that read the P2 back: a second editor (the lead's own app), an author
# (may comment, may not edit someone else's post) and an application password for the admin
# (whose HTML WordPress does not filter). Their own password name: running this never revokes
# the passwords of the other tests' users.
follow_users() {
  HTTP_HOST="$HOST:$PORT" php <<'PHP' >"$FOLLOW_STATE.tmp"
<?php
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
function follow_user($login, $role) {
    $user = get_user_by('login', $login);
    $id = $user ? $user->ID : wp_insert_user([
        'user_login' => $login,
        'user_pass' => wp_generate_password(24),
        'user_email' => "$login@example.invalid",
        'display_name' => ucfirst($login),
        'role' => $role,
    ]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    if ($role !== 'administrator') { (new WP_User($id))->set_role($role); }
    foreach (WP_Application_Passwords::get_user_application_passwords($id) as $item) {
        if ($item['name'] === 'incident-tray-follow-tests') {
            WP_Application_Passwords::delete_application_password($id, $item['uuid']);
        }
    }
    $made = WP_Application_Passwords::create_new_application_password($id, ['name' => 'incident-tray-follow-tests']);
    if (is_wp_error($made)) { fwrite(STDERR, $made->get_error_message() . "\n"); exit(1); }
    return ['user' => $login, 'password' => $made[0]];
}
echo json_encode([
    'lead' => follow_user('alex', 'editor'),
    'author' => follow_user('sam', 'author'),
    'admin' => follow_user('admin', 'administrator'),
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
PHP
  chmod 600 "$FOLLOW_STATE.tmp" && mv "$FOLLOW_STATE.tmp" "$FOLLOW_STATE"
  say "follow test users in $FOLLOW_STATE"
}

setup() {
  install_packages
  start_mariadb
  write_config
  create_database
  local json
  json="$(install_site)"
  umask 077
  printf '%s\n' "$json" >"$STATE.tmp" && mv "$STATE.tmp" "$STATE"
  start_server
  say "site details in $STATE"
  follow_users
}

case "${1:-setup}" in
  setup) setup ;;
  start)
    start_mariadb
    start_server
    ;;
  stop) stop_server ;;
  follow-users) follow_users ;;
  status) if server_running; then echo running; else echo stopped; fi ;;
  *)
    echo "usage: $0 [setup|start|stop|status]" >&2
    exit 2
    ;;
esac
