<?php
// What editor.js needs from WordPress; written by hand, since the block has no build step.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.2.0',
);
