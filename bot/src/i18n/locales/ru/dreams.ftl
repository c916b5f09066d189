## Бот: /dream (запись текстом или голосом), карточка сна, /dreams (дневник), /feed

bot-dream-ask = 🌙 Расскажите сон: напишите его или пришлите голосовое сообщение. /cancel — отменить.
bot-dream-send-text-or-voice = Сон можно прислать текстом или голосовым сообщением. Пришлите ещё раз или /cancel.
bot-dream-text-invalid = Так не получится: { $reason } ({ $length } симв.; сон — от { $min } до { $max }). Пришлите сон ещё раз или /cancel.
bot-dream-send-again = Пришлите сон ещё раз или /cancel.
bot-dream-voice-unavailable = На этом сервере я не умею слушать голосовые сообщения. Напишите сон текстом, пожалуйста.
bot-dream-voice-too-long = Голосовое слишком длинное (до { $minutes } минут). Пришлите покороче или напишите сон текстом.
bot-dream-voice-failed = Не получилось разобрать голосовое сообщение. Попробуйте ещё раз или напишите сон текстом.
bot-dream-voice-empty = В голосовом сообщении не слышно слов. Попробуйте ещё раз или напишите сон текстом.
bot-dream-voice-invalid =
    Я услышал: <i>{ $text }</i>
    Так не получится: { $reason } ({ $length } симв.; сон — от { $min } до { $max }). Пришлите сон ещё раз или /cancel.

bot-dream-review-title = <b>Ваш сон</b>
bot-dream-review-heard = <b>Вот что я услышал</b>
bot-dream-review-extras = 🌟 Осознанный: { $lucid } · Настроение перед сном: { $mood }
bot-dream-review-hint = Отметьте, был ли сон осознанным, и настроение перед сном, затем сохраните. Чтобы изменить текст, нажмите ✏️ Изменить или просто пришлите новый.
bot-dream-review-hint-heard = Всё верно? Сохраните или нажмите ✏️ Изменить и пришлите исправленный текст.
bot-dream-yes = да
bot-dream-no = нет
bot-dream-mood-none = не указано
bot-dream-mood-value = { $face } { $mood }/5
bot-dream-button-lucid = 🌟 Осознанный
bot-dream-button-save = ✅ Сохранить
bot-dream-button-edit = ✏️ Изменить
bot-dream-button-cancel = ✖️ Отмена
bot-dream-ask-edit = ✏️ Пришлите исправленный текст сна.
bot-dream-cancelled = Отменено. Этот сон не сохранён.
bot-dream-analysing = 🔮 Разбираю ваш сон…

bot-dream-card-lucid = 🌟 осознанный
bot-dream-card-mood = настроение перед сном { $mood }
bot-dream-card-author = 👤 { $name }
bot-dream-card-themes = 🧭 Темы: { $list }
bot-dream-card-emotions = 💭 Эмоции: { $list }
bot-dream-card-symbols = 🔑 Символы: { $list }
bot-dream-card-offline = ⚙️ Офлайн-разбор (на этом сервере нет ИИ-сервиса)
bot-dream-card-pending = 🔮 Ещё разбираю…
bot-dream-card-failed = ⚠️ Разобрать сон не получилось.
bot-dream-card-drawing = 🎨 Рисую ваш сон…
bot-dream-card-public = 🌍 В общей ленте, осталось { $left }
bot-dream-card-public-anonymous = 🕶 В общей ленте анонимно, осталось { $left }
bot-dream-card-in-feed = ⏳ В ленте ещё { $left } · 👁 { $views }
bot-dream-card-link = 🔗 { $link }
bot-dream-left = { $hours ->
    [0] { $minutes } мин
   *[other] { $minutes ->
        [0] { $hours } ч
       *[other] { $hours } ч { $minutes } мин
    }
}

bot-dream-button-video = 🎬 Сделать видео ({ $price } { $price ->
    [one] токен
    [few] токена
   *[many] токенов
})
bot-dream-button-share = 🌍 Поделиться
bot-dream-button-share-anonymous = 🕶 Анонимно
bot-dream-button-unshare = 🔒 Убрать из ленты
bot-dream-button-delete = 🗑 Удалить
bot-dream-button-open-app = 📱 Открыть в Мечте
bot-dream-button-delete-confirm = 🗑 Да, удалить
bot-dream-button-delete-keep = ↩️ Оставить
bot-dream-delete-ask = Удалить этот сон вместе с картинкой и видео насовсем?
bot-dream-deleted = 🗑 Сон удалён вместе с картинкой и видео.
bot-dream-shared = 🌍 Сон в общей ленте на { $left }.
bot-dream-shared-anonymous = 🕶 Сон в общей ленте анонимно на { $left }.
bot-dream-unshared = 🔒 Сон снова виден только вам.
bot-dream-not-available = Этот сон недоступен: он личный, удалён или уже ушёл из ленты.

bot-dream-video-queued = 🎬 Видео: в очереди…
bot-dream-video-progress = 🎬 Видео: { $progress }%
bot-dream-video-ready = 🎬 Видео: готово ✅
bot-dream-video-failed = 🎬 Видео: не получилось
bot-dream-video-unavailable = 🎬 На этом сервере видео делать нельзя; ничего не списано.
bot-dream-video-busy = Видео этого сна уже снимается.
bot-dream-video-done = Видео этого сна уже готово — оно выше в этом чате.
bot-dream-image-offline = 🎨 офлайн-арт

bot-dream-journal-empty = 📖 Дневник пока пуст. Расскажите сон: /dream
bot-dream-journal-title = 📖 <b>Дневник снов</b> — { $total } { $total ->
    [one] сон
    [few] сна
   *[many] снов
}
bot-dream-journal-search = 🔎 «{ $q }»
bot-dream-journal-category = 🏷 { $category }
bot-dream-journal-nothing = Ничего не нашлось. Попробуйте другие слова или другую категорию.
bot-dream-journal-hint = Нажмите на сон, чтобы открыть его. Поиск: <code>/dreams слова</code>
bot-dream-page = Страница { $page } из { $pages }
bot-dream-filter-all = Все
bot-dream-clear-search = ✖️ Сбросить поиск

bot-dream-feed-empty = 🌍 За последние { $hours } ч никто не поделился сном. Откройте свой и нажмите 🌍 Поделиться — будете первым.
bot-dream-feed-title = 🌍 <b>Сны, которыми поделились за { $hours } ч</b> — { $total }
bot-dream-feed-item = { $n }. { $emoji } <b>{ $title }</b> — { $author } · ⏳ ещё { $left }
bot-dream-author-you = вы

dream-failed-analysis = Не получилось разобрать этот сон.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] токен вернулся
        [few] токена вернулись
       *[many] токенов вернулись
    } на баланс.
}
dream-failed-image = Не получилось нарисовать этот сон.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] токен вернулся
        [few] токена вернулись
       *[many] токенов вернулись
    } на баланс.
}
dream-failed-video = Не получилось снять этот сон.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] токен вернулся
        [few] токена вернулись
       *[many] токенов вернулись
    } на баланс.
}

## Readings: lenses on a dream's analysis (bot/src/features/dreams/readings.ts)

bot-dream-button-readings = 🔮 Прочтения
bot-reading-choose = Через какую линзу посмотреть на этот сон? Каждое прочтение — лишь один из взглядов, последнее слово за вами.
bot-reading-lens-jung = Юнгианское (архетипы)
bot-reading-lens-cognitive = Когнитивное (день и чувства)
bot-reading-lens-folk = Народные поверья (фольклор)
bot-reading-lens-priced = { $lens } — { $price } { $price ->
    [one] токен
    [few] токена
   *[many] токенов
}
bot-reading-lens-read = { $lens } — уже прочитано
bot-reading-offline = Прочтение по словарю символов, без ИИ.
bot-reading-fits = 👍 Подходит
bot-reading-does-not-fit = 👎 Не подходит
bot-reading-marked-fits = Я запомнила: подходит. Учту это в следующих прочтениях.
bot-reading-marked-does-not-fit = Я запомнила: не подходит. Учту это в следующих прочтениях.
