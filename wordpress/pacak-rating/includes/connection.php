<?php
/**
 * Asking the PACAK server about this site: does it answer, which version, and may this site's pages
 * send ratings? Used by the settings page's "Check connection" button and by a Site Health test.
 * The server answers GET /api/v1/sites/check?origin=… (public, no sign-in).
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** This WordPress site's origin (scheme://host[:port]) as browsers send it in the Origin header. */
function pacak_rating_site_origin() {
	$parts = wp_parse_url( home_url() );
	if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return '';
	}
	$default = ( 'https' === $parts['scheme'] ) ? 443 : 80;
	$port    = isset( $parts['port'] ) && (int) $parts['port'] !== $default ? ':' . (int) $parts['port'] : '';
	return strtolower( $parts['scheme'] . '://' . $parts['host'] ) . $port;
}

/**
 * Checks the server at $server for the site $origin. Returns an array:
 * 'state'   => 'unset' | 'unreachable' | 'not-pacak' | 'not-allowed' | 'good',
 * 'version' => the server's version or '', 'office' => the office's name or '',
 * 'origin'  => the site checked, 'message' => one sentence for a person, 'fix' => a URL or ''.
 */
function pacak_rating_check_connection( $server, $origin ) {
	$result = array( 'state' => 'unset', 'version' => '', 'office' => '', 'origin' => $origin, 'message' => '', 'fix' => '' );
	if ( '' === $server ) {
		$result['message'] = __( 'No PACAK server address is set yet.', 'pacak-rating' );
		return $result;
	}
	$url      = $server . '/api/v1/sites/check?origin=' . rawurlencode( $origin );
	$response = wp_remote_get( $url, array( 'timeout' => 5, 'headers' => array( 'Accept' => 'application/json' ) ) );
	if ( is_wp_error( $response ) ) {
		$result['state']   = 'unreachable';
		/* translators: 1: server address, 2: the error */
		$result['message'] = sprintf( __( 'The PACAK server at %1$s does not answer (%2$s).', 'pacak-rating' ), $server, $response->get_error_message() );
		return $result;
	}
	$code = (int) wp_remote_retrieve_response_code( $response );
	$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
	if ( 200 !== $code || ! is_array( $body ) || ! isset( $body['allowed'], $body['version'] ) ) {
		$result['state']   = 'not-pacak';
		/* translators: 1: server address, 2: HTTP status */
		$result['message'] = sprintf( __( '%1$s answers (HTTP %2$d), but not as a PACAK server of version 0.1 or later. Check the address.', 'pacak-rating' ), $server, $code );
		return $result;
	}
	$result['version'] = (string) $body['version'];
	$result['office']  = isset( $body['office']['name'] ) ? (string) $body['office']['name'] : '';
	$result['fix']     = $server . '/embed?site=' . rawurlencode( $origin );
	if ( true === $body['allowed'] ) {
		$result['state']   = 'good';
		/* translators: 1: server version, 2: this site, 3: office name */
		$result['message'] = sprintf( __( 'The PACAK server (version %1$s) answers, and pages of %2$s may send ratings to %3$s.', 'pacak-rating' ), $result['version'], $origin, $result['office'] );
	} else {
		$result['state']   = 'not-allowed';
		/* translators: 1: server version, 2: this site, 3: office name */
		$result['message'] = sprintf( __( 'The PACAK server (version %1$s) answers, but %2$s is not one of the sites allowed to send ratings to %3$s. Visitors see a link to the hosted rating page instead of the form. An administrator of the office adds this site on the server\'s /embed page or in its console.', 'pacak-rating' ), $result['version'], $origin, $result['office'] );
	}
	return $result;
}

/** Site Health (Tools > Site Health): the same check, as a direct test. */
function pacak_rating_site_health_test() {
	$check  = pacak_rating_check_connection( pacak_rating_server(), pacak_rating_site_origin() );
	$status = array(
		'good'        => 'good',
		'unset'       => 'recommended',
		'unreachable' => 'critical',
		'not-pacak'   => 'critical',
		'not-allowed' => 'critical',
	);
	$labels = array(
		'good'        => __( 'The PACAK rating form can send ratings from this site', 'pacak-rating' ),
		'unset'       => __( 'The PACAK server address is not set', 'pacak-rating' ),
		'unreachable' => __( 'The PACAK server does not answer', 'pacak-rating' ),
		'not-pacak'   => __( 'The PACAK server address does not lead to a PACAK server', 'pacak-rating' ),
		'not-allowed' => __( 'This site is not allowed to send PACAK ratings', 'pacak-rating' ),
	);
	$actions = '' !== $check['fix'] && 'good' !== $check['state']
		? sprintf( '<p><a href="%s">%s</a></p>', esc_url( $check['fix'] ), esc_html__( 'Check and allow this site on the PACAK server', 'pacak-rating' ) )
		: '';
	return array(
		'label'       => $labels[ $check['state'] ],
		'status'      => $status[ $check['state'] ],
		'badge'       => array( 'label' => 'PACAK rating', 'color' => 'good' === $check['state'] ? 'green' : 'red' ),
		'description' => '<p>' . esc_html( $check['message'] ) . '</p>',
		'actions'     => $actions,
		'test'        => 'pacak_rating_connection',
	);
}

function pacak_rating_site_status_tests( $tests ) {
	$tests['direct']['pacak_rating_connection'] = array(
		'label' => __( 'PACAK rating server', 'pacak-rating' ),
		'test'  => 'pacak_rating_site_health_test',
	);
	return $tests;
}
add_filter( 'site_status_tests', 'pacak_rating_site_status_tests' );
