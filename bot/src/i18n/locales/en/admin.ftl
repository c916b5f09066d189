## Bot: /admin menu (admins only)

bot-admin-title = <b>🛠 Administration</b>
bot-admin-stats = 📊 Stats
bot-admin-users = 👤 Users
bot-admin-payments = 💳 Payments
bot-admin-close = ✖️ Close
bot-admin-back = ⬅️ Back
bot-admin-refresh = 🔄 Refresh

bot-admin-stats-text =
    <b>📊 Stats</b>
    Users: <b>{ $users }</b> (active today { $activeToday }, this week { $activeWeek })
    Payments: <b>{ $payments }</b> (refunded { $refunded })
    Stars revenue: <b>⭐ { $stars }</b>
    Tokens issued: { $issued }, spent: { $spent }, taken back: { $revoked }

bot-admin-ask-user = Send the user's Telegram id or @username (or /cancel).
bot-admin-user-not-found = Nobody found for { $query }. Send another id or @username, or /cancel.
bot-admin-user-card =
    <b>👤 { $name }</b> { $username }
    id <code>{ $id }</code> · { $language } · joined { $joined }
    Last seen: { $seen }
    Status: { $status }
    Tokens: <b>{ $balance }</b> · Plan: { $plan }
    Payments: { $payments } (⭐ { $starsPaid }) · Invited: { $referrals }
bot-admin-status-active = active
bot-admin-status-blocked = ⛔ blocked
bot-admin-plan-free = Free
bot-admin-plan-pro = Pro until { $until }
bot-admin-block = ⛔ Block
bot-admin-unblock = ✅ Unblock
bot-admin-grant = ➕ Grant tokens
bot-admin-revoke = ➖ Revoke tokens
bot-admin-set-plan = 🚀 Set plan
bot-admin-plan-pro-button = Pro · { $duration }
bot-admin-plan-free-button = Free
bot-admin-choose-plan = Choose a plan for { $name }:
bot-admin-blocked = { $name } is blocked.
bot-admin-unblocked = { $name } is unblocked.
bot-admin-plan-set-pro = { $name } has Pro until { $until }.
bot-admin-plan-set-free = { $name } is on the Free plan now.

bot-admin-ask-grant = How many tokens to give { $name }? Send a whole number (or /cancel).
bot-admin-ask-revoke = How many tokens to take from { $name }? Send a whole number (or /cancel).
bot-admin-amount-invalid = Send a whole number from 1 to { $max }, or /cancel.
bot-admin-granted = ➕ { $amount } given to { $name }. Balance: { $balance }.
bot-admin-revoked = ➖ { $amount } taken from { $name }. Balance: { $balance }.

bot-admin-payments-title = <b>💳 Payments</b> · page { $page } of { $pages } · { $total } in all
bot-admin-payments-empty = <b>💳 Payments</b>
    No payments yet.
bot-admin-payment-line = #{ $id } · { $date } · ⭐ { $stars } · { $goods } · user <code>{ $userId }</code>
bot-admin-payment-refunded = ↩️ refunded
bot-admin-refund-button = ↩️ Refund #{ $id }
bot-admin-prev = ◀️
bot-admin-next = ▶️
bot-admin-refund-confirm =
    Refund payment #{ $id }?
    ⭐ { $stars } go back to user <code>{ $userId }</code>, and what they bought ({ $goods }) is taken back.
bot-admin-refund-yes = ✅ Yes, refund
bot-admin-refund-no = ✖️ No
bot-admin-refunded = ↩️ Payment #{ $id } refunded: ⭐ { $stars } returned to user <code>{ $userId }</code>.
bot-admin-refunded-tokens = Tokens taken back: { $taken }.
bot-admin-refunded-shortfall = Tokens taken back: { $taken }; { $shortfall } had already been spent.
bot-admin-already-refunded = Payment #{ $id } was already refunded.
bot-admin-refund-failed = Telegram refused to refund payment #{ $id }: { $reason }. Nothing was changed.
bot-admin-payment-refunding = ⏳ being refunded
bot-admin-refund-in-progress = Payment #{ $id } is already being refunded.
bot-admin-refund-pending = ⏳ Payment #{ $id }: the refund is recorded, but Telegram has not confirmed it yet. I will finish it by myself.
