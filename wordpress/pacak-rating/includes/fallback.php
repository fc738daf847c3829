<?php
/**
 * The fallback content inside <pacak-rating>: a short message and the employee's hosted rating page on
 * the PACAK server. The browser shows it until the widget runs, and the widget shows it again when the
 * server cannot be reached, so a visitor never meets a blank gap.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The hosted rating page of an employee (its address carries the employee's public code, which only
 * the server knows), asked once and remembered for 12 hours; a failed ask is remembered for 5 minutes,
 * so a server that is down does not slow every page view. '' when unknown.
 */
function pacak_rating_hosted_url( $server, $nip ) {
	$key    = 'pacak_rating_url_' . md5( $server . '|' . $nip );
	$cached = get_transient( $key );
	if ( is_array( $cached ) ) {
		return $cached['url'];
	}
	$url      = '';
	$response = wp_remote_get( $server . '/api/v1/employees/' . rawurlencode( $nip ), array( 'timeout' => 3 ) );
	if ( ! is_wp_error( $response ) && 200 === (int) wp_remote_retrieve_response_code( $response ) ) {
		$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$link = is_array( $body ) && isset( $body['ratingUrl'] ) ? (string) $body['ratingUrl'] : '';
		// Only a link on the same server: the answer decides no other destination.
		if ( 0 === strpos( $link, $server . '/r/' ) ) {
			$url = $link;
		}
	}
	set_transient( $key, array( 'url' => $url ), '' === $url ? 5 * MINUTE_IN_SECONDS : 12 * HOUR_IN_SECONDS );
	return $url;
}

/** The fallback markup, in the form's language ('id' or 'en'); for a kiosk ($nip ''), the message alone. */
function pacak_rating_fallback( $server, $nip, $lang ) {
	$en      = 'en' === $lang;
	$message = $en ? 'The rating form could not be loaded.' : 'Formulir penilaian tidak dapat dimuat.';
	$url     = '' === $nip ? '' : pacak_rating_hosted_url( $server, $nip );
	$link    = '' === $url ? '' : ' <a href="' . esc_url( $url ) . '">' . esc_html( $en ? 'Rate our service on the PACAK page' : 'Beri penilaian di halaman PACAK' ) . '</a>';
	return '<p>' . esc_html( $message ) . $link . '</p>';
}

/**
 * The fallback of an office's form: the message and the office's own rating page on the PACAK server
 * (`/o/<office>`, where the visitor picks who served them), which needs nothing asked of the server.
 */
function pacak_rating_office_fallback( $server, $office, $lang ) {
	$en   = 'en' === $lang;
	$url  = $server . '/o/' . rawurlencode( $office ) . ( $en ? '?lang=en' : '' );
	$text = $en ? 'Rate our service on the PACAK page' : 'Beri penilaian di halaman PACAK';
	return '<p>' . esc_html( $en ? 'The rating form could not be loaded.' : 'Formulir penilaian tidak dapat dimuat.' ) . ' <a href="' . esc_url( $url ) . '">' . esc_html( $text ) . '</a></p>';
}
