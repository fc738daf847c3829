import type { Strings } from './i18n.js';

/** The widget's English words, a chunk of their own that only English pages fetch. */
export const en: Strings = {
  locale: 'en-GB',
  loading: 'Loading…',
  prompt: "Please rate this officer's service.",
  serviceType: 'Service type',
  choose: 'Choose a service type',
  star: (n) => `${n} of 5`,
  words: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
  phone: 'Mobile/WhatsApp number',
  required: 'required',
  phoneHint: 'To prevent duplicate ratings. For example: 0812 3456 7890',
  privacy: 'What is my number for?',
  privacyText: (days, contact) =>
    `Your number is used only to check that this rating is genuine (one rating per officer per day) and to follow up your complaint. It is stored encrypted, never shown to the officer you rate, and erased after ${days} days; only a stand-in code that cannot be turned back into your number stays, for counting ratings. Legal basis: performing a public-service task (Law No. 27 of 2022 on Personal Data Protection). Questions or requests to erase your data: ${contact}.`,
  privacyDesk: 'the service desk at our office',
  comment: 'Comment (optional)',
  improve: 'What should be improved? (optional)',
  complain: "For a formal complaint, use the office's complaint channel:",
  send: 'SEND',
  sending: 'Sending…',
  offline: 'Cannot reach the server. Check your internet connection and try again.',
  queued: 'Rating saved, it will be sent',
  queuedText: 'The connection is down. Your rating is kept on this device and sent as soon as the connection returns.',
  loadFailed: 'The rating form could not be loaded. Check your internet connection and try again.',
  retry: 'Try again',
  again: 'Rate again',
  consent: 'I may be contacted for follow-up',
  consentNote: 'If you tick "may be contacted" after a low score, staff may call this number to follow it up.',
};
