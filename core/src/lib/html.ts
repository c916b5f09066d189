/**
 * Escapes text that is not ours (names, dream text, titles, AI output, error messages) for a
 * message sent with parse_mode HTML. Telegram refuses a message whose HTML does not parse, so an
 * unescaped `<` loses it, and an unescaped tag lets the text plant its own markup or links.
 * The one escaper for every HTML message, in core and in the bot.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
