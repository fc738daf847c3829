<?php
// Deleting the plugin removes its one setting; nothing else of it is stored in WordPress.
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'pacak_rating_server' );
