<?php
/**
 * Settings > PACAK rating: the server's address, checked before it is kept, and a "Check connection"
 * button. A bad address never replaces a working one: the old value stays and the page says why.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** True for a host that only this machine reaches, where http is acceptable (a test install). */
function pacak_rating_is_local_host( $host ) {
	$host = strtolower( trim( (string) $host, '[]' ) );
	return 'localhost' === $host || '::1' === $host || 1 === preg_match( '/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/', $host ) || 1 === preg_match( '/\.localhost$/', $host );
}

/**
 * The origin (https://host[:port]) of what an administrator typed, or a WP_Error-free reason string
 * prefixed "error:" when it cannot be a PACAK server's address. Nothing is guessed: no scheme added,
 * no spaces encoded, so "not a url at all" is refused rather than stored as http://not%20a%20url….
 */
function pacak_rating_validate_server( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return '';
	}
	if ( preg_match( '/[\s<>"\'\\\\]/', $value ) ) {
		return 'error:' . __( 'The address must not contain spaces or quotes.', 'pacak-rating' );
	}
	$parts  = wp_parse_url( $value );
	$scheme = isset( $parts['scheme'] ) ? strtolower( $parts['scheme'] ) : '';
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! in_array( $scheme, array( 'https', 'http' ), true ) ) {
		return 'error:' . __( 'The address must start with https://, e.g. https://pacak.example.go.id', 'pacak-rating' );
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
		return 'error:' . __( 'The address must not contain a user name or password.', 'pacak-rating' );
	}
	if ( 'http' === $scheme && ! pacak_rating_is_local_host( $parts['host'] ) ) {
		return 'error:' . __( 'The address must use https:// (plain http:// only for a server on this machine, e.g. http://localhost:8080), so ratings and phone numbers travel encrypted.', 'pacak-rating' );
	}
	$host = strtolower( $parts['host'] );
	if ( ! preg_match( '/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/', $host ) ) {
		return 'error:' . __( 'The address has a host name that is not valid.', 'pacak-rating' );
	}
	return $scheme . '://' . $host . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' );
}

/** register_setting's sanitize callback: the clean origin, or the old value with an error shown. */
function pacak_rating_sanitize_server( $value ) {
	$clean = pacak_rating_validate_server( $value );
	if ( 0 === strpos( $clean, 'error:' ) ) {
		/* translators: 1: why the address was refused, 2: the address kept */
		$kept = '' === pacak_rating_server() ? __( 'No address is saved yet.', 'pacak-rating' ) : sprintf( __( 'The previous address %s was kept.', 'pacak-rating' ), pacak_rating_server() );
		add_settings_error( PACAK_RATING_OPTION, 'pacak-rating-server', substr( $clean, 6 ) . ' ' . $kept, 'error' );
		return pacak_rating_server();
	}
	return $clean;
}

function pacak_rating_register_setting() {
	register_setting(
		'pacak_rating',
		PACAK_RATING_OPTION,
		array(
			'type'              => 'string',
			'sanitize_callback' => 'pacak_rating_sanitize_server',
			'default'           => '',
		)
	);
	add_settings_section( 'pacak_rating_main', __( 'Server', 'pacak-rating' ), '__return_false', 'pacak-rating' );
	add_settings_field(
		PACAK_RATING_OPTION,
		__( 'PACAK server address', 'pacak-rating' ),
		'pacak_rating_server_field',
		'pacak-rating',
		'pacak_rating_main',
		array( 'label_for' => PACAK_RATING_OPTION )
	);
}
add_action( 'admin_init', 'pacak_rating_register_setting' );

function pacak_rating_server_field() {
	printf(
		'<input type="url" class="regular-text" id="%1$s" name="%1$s" value="%2$s" placeholder="https://pacak.example.go.id" /><p class="description">%3$s</p>',
		esc_attr( PACAK_RATING_OPTION ),
		esc_attr( pacak_rating_server() ),
		esc_html__( 'The address of your PACAK server (https). The office\'s administrator allows this site to send ratings on the server; "Check connection" below tells whether it is allowed.', 'pacak-rating' )
	);
}

/** The result of "Check connection", as a notice on the settings page. */
function pacak_rating_connection_notice() {
	$check = pacak_rating_check_connection( pacak_rating_server(), pacak_rating_site_origin() );
	$class = 'good' === $check['state'] ? 'notice-success' : ( 'unset' === $check['state'] ? 'notice-warning' : 'notice-error' );
	$html  = '<div class="notice ' . $class . ' inline" role="status"><p>' . esc_html( $check['message'] ) . '</p>';
	if ( '' !== $check['fix'] && 'good' !== $check['state'] ) {
		$html .= '<p><a href="' . esc_url( $check['fix'] ) . '">' . esc_html__( 'Check and allow this site on the PACAK server', 'pacak-rating' ) . '</a></p>';
	}
	return $html . '</div>';
}

function pacak_rating_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'PACAK rating', 'pacak-rating' ) . '</h1>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'pacak_rating' );
	do_settings_sections( 'pacak-rating' );
	submit_button();
	echo '</form>';
	// A plain GET with a nonce: the check only reads, so it needs no settings form of its own.
	echo '<h2>' . esc_html__( 'Connection', 'pacak-rating' ) . '</h2>';
	if ( isset( $_GET['pacak_check'], $_GET['_wpnonce'] ) && wp_verify_nonce( sanitize_text_field( wp_unslash( $_GET['_wpnonce'] ) ), 'pacak_rating_check' ) ) {
		echo pacak_rating_connection_notice(); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped inside.
	}
	echo '<form method="get"><input type="hidden" name="page" value="pacak-rating" /><input type="hidden" name="pacak_check" value="1" />';
	wp_nonce_field( 'pacak_rating_check', '_wpnonce', false );
	submit_button( __( 'Check connection', 'pacak-rating' ), 'secondary', 'submit', false );
	echo '</form><p>' . esc_html__( 'Use the shortcode [pacak_rating nip="…"] or the "PACAK rating" block.', 'pacak-rating' ) . '</p></div>';
}

function pacak_rating_admin_menu() {
	add_options_page( 'PACAK rating', 'PACAK rating', 'manage_options', 'pacak-rating', 'pacak_rating_settings_page' );
}
add_action( 'admin_menu', 'pacak_rating_admin_menu' );
