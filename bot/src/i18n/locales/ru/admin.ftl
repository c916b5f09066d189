## Бот: меню /admin (только для админов)

bot-admin-title = <b>🛠 Администрирование</b>
bot-admin-stats = 📊 Статистика
bot-admin-users = 👤 Пользователи
bot-admin-payments = 💳 Платежи
bot-admin-close = ✖️ Закрыть
bot-admin-back = ⬅️ Назад
bot-admin-refresh = 🔄 Обновить

bot-admin-stats-text =
    <b>📊 Статистика</b>
    Пользователи: <b>{ $users }</b> (активны сегодня { $activeToday }, за неделю { $activeWeek })
    Платежи: <b>{ $payments }</b> (возвращено { $refunded })
    Выручка: <b>⭐ { $stars }</b>
    Токены выдано: { $issued }, потрачено: { $spent }, списано: { $revoked }

bot-admin-ask-user = Пришлите Telegram id или @username пользователя (или /cancel).
bot-admin-user-not-found = По запросу { $query } никого нет. Пришлите другой id или @username, или /cancel.
bot-admin-user-card =
    <b>👤 { $name }</b> { $username }
    id <code>{ $id }</code> · { $language } · с нами с { $joined }
    Последний визит: { $seen }
    Статус: { $status }
    Токены: <b>{ $balance }</b> · Тариф: { $plan }
    Платежи: { $payments } (⭐ { $starsPaid }) · Пригласил(а): { $referrals }
bot-admin-status-active = активен
bot-admin-status-blocked = ⛔ заблокирован
bot-admin-plan-free = Бесплатный
bot-admin-plan-pro = Pro до { $until }
bot-admin-block = ⛔ Заблокировать
bot-admin-unblock = ✅ Разблокировать
bot-admin-grant = ➕ Начислить токены
bot-admin-revoke = ➖ Списать токены
bot-admin-set-plan = 🚀 Тариф
bot-admin-plan-pro-button = Pro · { $duration }
bot-admin-plan-free-button = Бесплатный
bot-admin-choose-plan = { $name } — выберите тариф:
bot-admin-blocked = Пользователь { $name } заблокирован.
bot-admin-unblocked = Пользователь { $name } разблокирован.
bot-admin-plan-set-pro = { $name }: Pro до { $until }.
bot-admin-plan-set-free = { $name }: теперь бесплатный тариф.

bot-admin-ask-grant = { $name } — сколько токенов начислить? Пришлите целое число (или /cancel).
bot-admin-ask-revoke = { $name } — сколько токенов списать? Пришлите целое число (или /cancel).
bot-admin-amount-invalid = Пришлите целое число от 1 до { $max } или /cancel.
bot-admin-granted = ➕ { $name }: начислено { $amount }. Баланс: { $balance }.
bot-admin-revoked = ➖ { $name }: списано { $amount }. Баланс: { $balance }.

bot-admin-payments-title = <b>💳 Платежи</b> · страница { $page } из { $pages } · всего { $total }
bot-admin-payments-empty = <b>💳 Платежи</b>
    Платежей пока нет.
bot-admin-payment-line = #{ $id } · { $date } · ⭐ { $stars } · { $goods } · пользователь <code>{ $userId }</code>
bot-admin-payment-refunded = ↩️ возвращён
bot-admin-refund-button = ↩️ Вернуть #{ $id }
bot-admin-prev = ◀️
bot-admin-next = ▶️
bot-admin-refund-confirm =
    Вернуть платёж #{ $id }?
    ⭐ { $stars } вернутся пользователю <code>{ $userId }</code>, а купленное ({ $goods }) будет списано.
bot-admin-refund-yes = ✅ Да, вернуть
bot-admin-refund-no = ✖️ Нет
bot-admin-refunded = ↩️ Платёж #{ $id } возвращён: ⭐ { $stars } вернулись пользователю <code>{ $userId }</code>.
bot-admin-refunded-tokens = Списано токенов: { $taken }.
bot-admin-refunded-shortfall = Списано токенов: { $taken }; ещё { $shortfall } уже были потрачены.
bot-admin-already-refunded = Платёж #{ $id } уже был возвращён.
bot-admin-refund-failed = Telegram отказал в возврате платежа #{ $id }: { $reason }. Ничего не изменилось.
bot-admin-payment-refunding = ⏳ возвращается
bot-admin-refund-in-progress = Платёж #{ $id } уже возвращается.
bot-admin-refund-pending = ⏳ Платёж #{ $id }: возврат записан, но Telegram его ещё не подтвердил. Я доведу его до конца сама.
