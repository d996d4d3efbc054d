// The popup's text keys, taken from the English catalogue so a missing key fails the type check.
// Components receive a `Translate` function through props; only the connector binds it to
// `browser.i18n.getMessage`, and tests bind it to the catalogue directly.
import type messages from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;
