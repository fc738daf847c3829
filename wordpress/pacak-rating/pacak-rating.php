<?php
/**
 * Plugin Name:       PACAK rating
 * Description:       Shows the PACAK rating form of your PACAK server with a shortcode or a block, loading the widget only on pages that use it, and checks that this site may send ratings.
 * Version:           0.2.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       pacak-rating
 *
 * Why a plugin: WordPress strips <script> from posts written by anyone without the unfiltered_html
 * capability (kses), so the two-line snippet survives only in an administrator's Custom HTML block.
 * A shortcode or block is allowed to everyone who may edit posts, and this file decides what markup
 * comes out: an allow-list of attributes, each checked against its pattern and escaped.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const PACAK_RATING_OPTION = 'pacak_rating_server';
const PACAK_RATING_HANDLE = 'pacak-rating';

require_once __DIR__ . '/includes/connection.php';
require_once __DIR__ . '/includes/fallback.php';
require_once __DIR__ . '/includes/settings.php';

/**
 * Shortcode and block attributes the widget understands, each with the pattern its value must match.
 * Anything else (onclick, style, a second nip, ...) never reaches the page.
 */
function pacak_rating_allowed_attributes() {
	return array(
		'nip'         => '/^[0-9A-Za-z][0-9A-Za-z-]{2,31}$/',
		'office'      => '/^[a-z0-9][a-z0-9-]{0,63}$/',
		'lang'        => '/^(id|en)$/',
		'service'     => '/^[a-z0-9][a-z0-9-]{0,63}$/',
		'work_area'   => '/^[a-z0-9][a-z0-9-]{0,63}$/',
		'kiosk_key'   => '/^[A-Za-z0-9_-]{43}$/',
		'reset_after' => '/^[1-9][0-9]{0,2}$/',
	);
}

/** The PACAK server's origin as set in Settings, without a trailing slash; '' until it is set. */
function pacak_rating_server() {
	$server = get_option( PACAK_RATING_OPTION, '' );
	return is_string( $server ) ? rtrim( $server, '/' ) : '';
}

/**
 * Loads the widget on this page only: called while the shortcode or block renders, so pages without
 * the form load nothing. WordPress 6.5 and later print it as a script module; older ones (Debian
 * stable ships 6.1) get a classic script whose tag the script_loader_tag filter turns into a module.
 */
function pacak_rating_enqueue( $server ) {
	$src = esc_url_raw( $server . '/widget/pacak-rating.js' );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// Version null: the server's own caching (ETag) decides, and every page asks for the same URL.
		wp_enqueue_script_module( PACAK_RATING_HANDLE, $src, array(), null );
	} else {
		wp_enqueue_script( PACAK_RATING_HANDLE, $src, array(), null, true );
	}
}

/** WordPress before 6.5: the widget is an ES module, so its classic script tag must say so. */
function pacak_rating_module_tag( $tag, $handle, $src ) {
	if ( PACAK_RATING_HANDLE !== $handle ) {
		return $tag;
	}
	return '<script type="module" src="' . esc_url( $src ) . '" id="pacak-rating-js"></script>' . "\n";
}
add_filter( 'script_loader_tag', 'pacak_rating_module_tag', 10, 3 );

/** A message only people who edit the site see; visitors see nothing rather than a broken form. */
function pacak_rating_editor_notice( $message ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return '<p class="pacak-rating-notice"><strong>PACAK rating:</strong> ' . esc_html( $message ) . '</p>';
}

/**
 * The <pacak-rating> element for a set of attributes (from the shortcode or the block). Values that do
 * not match their pattern are dropped; a form without a valid NIP, office code or kiosk key is not shown
 * at all. With `office` and no NIP the visitor picks who served them from the office's list.
 */
function pacak_rating_markup( $attributes ) {
	$server = pacak_rating_server();
	if ( '' === $server ) {
		return pacak_rating_editor_notice( __( 'set the PACAK server address under Settings > PACAK rating.', 'pacak-rating' ) );
	}
	$clean = array();
	foreach ( pacak_rating_allowed_attributes() as $name => $pattern ) {
		$value = isset( $attributes[ $name ] ) && is_scalar( $attributes[ $name ] ) ? trim( (string) $attributes[ $name ] ) : '';
		if ( '' !== $value && 1 === preg_match( $pattern, $value ) ) {
			$clean[ $name ] = $value;
		}
	}
	$kiosk  = isset( $clean['kiosk_key'] );
	$office = ! $kiosk && ! isset( $clean['nip'] ) && isset( $clean['office'] );
	if ( ! $kiosk && ! $office && ! isset( $clean['nip'] ) ) {
		return pacak_rating_editor_notice( __( 'the nip attribute is missing or is not a NIP or staff code.', 'pacak-rating' ) );
	}
	pacak_rating_enqueue( $server );

	$html = '<pacak-rating';
	if ( $kiosk ) {
		// A counter tablet: the key decides the work area; a NIP would be ignored, so it is left out.
		unset( $clean['nip'], $clean['office'] );
		$html .= ' kiosk';
	} else {
		// One employee's form: an office code beside the NIP would be ignored, so it is left out.
		unset( $clean['work_area'], $clean['reset_after'] );
		if ( ! $office ) {
			unset( $clean['office'] );
		}
	}
	foreach ( $clean as $name => $value ) {
		$html .= ' ' . str_replace( '_', '-', $name ) . '="' . esc_attr( $value ) . '"';
	}
	// Light DOM: what a visitor sees while the script has not run, and if the server cannot be reached.
	$lang = isset( $clean['lang'] ) ? $clean['lang'] : ( 0 === strpos( (string) get_locale(), 'en' ) ? 'en' : 'id' );
	$fallback = $office ? pacak_rating_office_fallback( $server, $clean['office'], $lang ) : pacak_rating_fallback( $server, $kiosk ? '' : $clean['nip'], $lang );
	return $html . '>' . $fallback . '</pacak-rating>';
}

/** [pacak_rating nip="199203152019032001" lang="en" service="cop"], or [pacak_rating office="bkk-palembang"] */
function pacak_rating_shortcode( $atts ) {
	$defaults = array_fill_keys( array_keys( pacak_rating_allowed_attributes() ), '' );
	return pacak_rating_markup( shortcode_atts( $defaults, (array) $atts, 'pacak_rating' ) );
}
add_shortcode( 'pacak_rating', 'pacak_rating_shortcode' );

/** The block, rendered on the server by the same function as the shortcode (block/block.json). */
function pacak_rating_render_block( $attributes ) {
	$map = array(
		'nip'        => 'nip',
		'office'     => 'office',
		'lang'       => 'lang',
		'service'    => 'service',
		'workArea'   => 'work_area',
		'kioskKey'   => 'kiosk_key',
		'resetAfter' => 'reset_after',
	);
	$atts = array();
	foreach ( $map as $from => $to ) {
		if ( isset( $attributes[ $from ] ) ) {
			$atts[ $to ] = $attributes[ $from ];
		}
	}
	return pacak_rating_markup( $atts );
}

function pacak_rating_register_block() {
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'pacak_rating_render_block' ) );
}
add_action( 'init', 'pacak_rating_register_block' );

/**
 * The editor's live preview is the element itself (block/editor.js loads the widget into the editor's
 * document): it needs the server's address, given before the block's script runs.
 */
function pacak_rating_editor_settings() {
	$data = array( 'server' => pacak_rating_server() );
	wp_add_inline_script( 'pacak-rating-editor-script', 'window.pacakRatingEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}
add_action( 'enqueue_block_editor_assets', 'pacak_rating_editor_settings' );

