<?php
/**
 * Runs the plugin outside WordPress: stubs the few WordPress functions it calls, includes it, then
 * renders what stdin asks for and prints JSON (the rendered HTML, what was enqueued, what registered).
 * Escaping stubs follow WordPress's own behaviour closely enough for the assertions made on them.
 *
 * HTTP requests (wp_remote_get) really go out, to loopback only: a test runs a real PACAK server there.
 * Any other host fails as an unreachable one would.
 *
 * stdin: { "options": {...}, "modules": bool, "canEdit": bool, "home": "https://…", "locale": "id_ID",
 *          "calls": [ {"shortcode": {...}} | {"block": {...}} | {"sanitize": "..."} | {"tag": [tag, handle, src]}
 *                     | {"check": true} | {"health": true} ] }
 */

$input = json_decode( stream_get_contents( STDIN ), true );
$GLOBALS['wp'] = array( 'enqueued' => array(), 'hooks' => array(), 'shortcodes' => array(), 'blocks' => array(), 'settingsErrors' => array(), 'requests' => array(), 'transients' => array() );
const MINUTE_IN_SECONDS = 60;
const HOUR_IN_SECONDS   = 3600;

define( 'ABSPATH', __DIR__ . '/' );

function add_filter( $hook, $callback, $priority = 10, $args = 1 ) {
	$GLOBALS['wp']['hooks'][ $hook ][] = $callback;
}
function add_action( $hook, $callback, $priority = 10, $args = 1 ) {
	add_filter( $hook, $callback, $priority, $args );
}
function do_action( $hook ) {
	foreach ( $GLOBALS['wp']['hooks'][ $hook ] ?? array() as $callback ) {
		$callback();
	}
}
function add_shortcode( $tag, $callback ) {
	$GLOBALS['wp']['shortcodes'][ $tag ] = $callback;
}
function shortcode_atts( $pairs, $atts, $shortcode = '' ) {
	$atts = (array) $atts;
	$out  = array();
	foreach ( $pairs as $name => $default ) {
		$out[ $name ] = array_key_exists( $name, $atts ) ? $atts[ $name ] : $default;
	}
	return $out;
}
function register_block_type( $path, $args = array() ) {
	$GLOBALS['wp']['blocks'][] = array( 'path' => $path, 'metadata' => json_decode( file_get_contents( $path . '/block.json' ), true ), 'args' => $args );
}
function esc_attr( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}
function esc_html( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}
function __( $text, $domain = 'default' ) {
	return $text;
}
function esc_html__( $text, $domain = 'default' ) {
	return esc_html( $text );
}
function esc_url_raw( $url, $protocols = array( 'http', 'https' ) ) {
	$url = trim( (string) $url );
	if ( '' === $url || ! preg_match( '/^([a-z][a-z0-9+.-]*):/i', $url, $m ) || ! in_array( strtolower( $m[1] ), $protocols, true ) ) {
		return '';
	}
	return preg_replace( '/[^a-z0-9-~+_.?#=!&;,\/:%@$\|*\'()\[\]]/i', '', $url );
}
function esc_url( $url, $protocols = array( 'http', 'https' ) ) {
	return str_replace( array( '&', "'", '"' ), array( '&#038;', '&#039;', '&quot;' ), esc_url_raw( $url, $protocols ) );
}
function wp_parse_url( $url ) {
	return parse_url( $url );
}
function get_option( $name, $default = false ) {
	return $GLOBALS['input']['options'][ $name ] ?? $default;
}
function current_user_can( $capability ) {
	return ! empty( $GLOBALS['input']['canEdit'] );
}
function add_settings_error( $setting, $code, $message, $type = 'error' ) {
	$GLOBALS['wp']['settingsErrors'][] = $message;
}
function get_locale() {
	return $GLOBALS['input']['locale'] ?? 'id_ID';
}
function home_url() {
	return $GLOBALS['input']['home'] ?? 'https://wp.example.org';
}
function get_transient( $key ) {
	return $GLOBALS['wp']['transients'][ $key ] ?? false;
}
function set_transient( $key, $value, $expiration ) {
	$GLOBALS['wp']['transients'][ $key ] = $value;
	return true;
}
function wp_json_encode( $value ) {
	return json_encode( $value );
}
class WP_Error {
	private $message;
	public function __construct( $code, $message ) {
		$this->message = $message;
	}
	public function get_error_message() {
		return $this->message;
	}
}
function is_wp_error( $thing ) {
	return $thing instanceof WP_Error;
}
function wp_remote_get( $url, $args = array() ) {
	$GLOBALS['wp']['requests'][] = $url;
	$host = parse_url( $url, PHP_URL_HOST );
	if ( ! in_array( $host, array( '127.0.0.1', 'localhost' ), true ) ) {
		return new WP_Error( 'http_request_failed', 'cURL error 6: Could not resolve host: ' . $host );
	}
	$context = stream_context_create( array( 'http' => array( 'timeout' => $args['timeout'] ?? 5, 'ignore_errors' => true, 'header' => 'Accept: application/json' ) ) );
	$body    = @file_get_contents( $url, false, $context );
	if ( false === $body ) {
		return new WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect to ' . $host );
	}
	preg_match( '{HTTP/\S+ (\d{3})}', $http_response_header[0] ?? '', $status );
	return array( 'response' => array( 'code' => (int) ( $status[1] ?? 0 ) ), 'body' => $body );
}
function wp_remote_retrieve_response_code( $response ) {
	return $response['response']['code'];
}
function wp_remote_retrieve_body( $response ) {
	return $response['body'];
}
function wp_enqueue_script( $handle, $src, $deps = array(), $ver = false, $in_footer = false ) {
	$GLOBALS['wp']['enqueued'][] = array( 'api' => 'script', 'handle' => $handle, 'src' => $src, 'ver' => $ver, 'footer' => $in_footer );
}
// The script-modules API exists from WordPress 6.5 on: the harness plays either version.
if ( ! empty( $input['modules'] ) ) {
	function wp_enqueue_script_module( $id, $src = '', $deps = array(), $version = false ) {
		$GLOBALS['wp']['enqueued'][] = array( 'api' => 'module', 'handle' => $id, 'src' => $src, 'ver' => $version );
	}
}

require __DIR__ . '/../../wordpress/pacak-rating/pacak-rating.php';
do_action( 'init' );

$results = array();
foreach ( $input['calls'] as $call ) {
	if ( isset( $call['shortcode'] ) ) {
		$results[] = call_user_func( $GLOBALS['wp']['shortcodes']['pacak_rating'], $call['shortcode'] );
	} elseif ( isset( $call['block'] ) ) {
		$results[] = call_user_func( $GLOBALS['wp']['blocks'][0]['args']['render_callback'], $call['block'] );
	} elseif ( isset( $call['sanitize'] ) ) {
		$results[] = pacak_rating_sanitize_server( $call['sanitize'] );
	} elseif ( isset( $call['check'] ) ) {
		$results[] = pacak_rating_check_connection( pacak_rating_server(), pacak_rating_site_origin() );
	} elseif ( isset( $call['health'] ) ) {
		$tests     = array();
		foreach ( $GLOBALS['wp']['hooks']['site_status_tests'] ?? array() as $filter ) {
			$tests = $filter( $tests );
		}
		$results[] = array( 'registered' => array_keys( $tests['direct'] ?? array() ), 'result' => call_user_func( $tests['direct']['pacak_rating_connection']['test'] ) );
	} elseif ( isset( $call['tag'] ) ) {
		$tag = $call['tag'][0];
		foreach ( $GLOBALS['wp']['hooks']['script_loader_tag'] as $filter ) {
			$tag = $filter( $tag, $call['tag'][1], $call['tag'][2] );
		}
		$results[] = $tag;
	}
}

echo json_encode(
	array(
		'results'    => $results,
		'enqueued'   => $GLOBALS['wp']['enqueued'],
		'shortcodes' => array_keys( $GLOBALS['wp']['shortcodes'] ),
		'blocks'     => array_map( function ( $b ) { return $b['metadata']['name']; }, $GLOBALS['wp']['blocks'] ),
		'errors'     => $GLOBALS['wp']['settingsErrors'],
		'requests'   => $GLOBALS['wp']['requests'],
	),
	JSON_UNESCAPED_SLASHES
);
