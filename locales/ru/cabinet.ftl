## Personal cabinet: the applicant's applications and drafts (/cabinet), and each application's
## own page with its status timeline, answers, documents, receipt and result.

cabinet-title = Личный кабинет
# Followed by the applicant's name from the registry.
cabinet-signed-in-as = Вы вошли как
cabinet-checking = Проверяем, выполнен ли вход…
cabinet-loading = Загружаем…
cabinet-sign-in-intro = Войдите, чтобы увидеть свои заявления, черновики и результаты.
cabinet-sign-in = Войти в личный кабинет
cabinet-new-application = Подать новое заявление

## Statuses of an application (a tag in the list, a step of the timeline); at most 40 characters

status-draft = Черновик
status-awaiting-payment = Ожидает оплаты
status-paid = Оплачено
status-signed = Подписано
status-delivered = Доставлено услугодателю
status-registered = Зарегистрировано
status-executor-assigned = Назначен исполнитель
status-under-review = На рассмотрении
status-agreement-requested = На согласовании в госорганах
status-agreement-received = Согласование получено
status-decision = Принято решение
status-issued = Выдано
status-refused = Отказано
# A state a later backend added, which this app does not know yet.
status-unknown = В обработке

## My applications

cabinet-applications-heading = Мои заявления
cabinet-filter-status = Статус
cabinet-filter-all = Все
cabinet-filter-apply = Показать
# Above the list. $count is a number.
cabinet-applications-count = { $count ->
    [one] { $count } заявление
    [few] { $count } заявления
    [many] { $count } заявлений
   *[other] { $count } заявления
}
cabinet-no-applications = Вы ещё не подали ни одного заявления.
cabinet-no-applications-with-status = Заявлений с таким статусом нет.
# Labels of an application's facts.
cabinet-reference = Номер заявления
cabinet-service = Услуга
cabinet-sub-case = Вид заявления
cabinet-provider = Услугодатель
cabinet-submitted = Подано
cabinet-registered-on = Дата регистрации
cabinet-status = Статус
cabinet-due = Срок
cabinet-changed = Изменено
# After the due date, in brackets. $days is the number of working days left (0 on the due day).
cabinet-working-days-left = { $days ->
    [0] срок истекает сегодня
    [one] остался { $days } рабочий день
    [few] осталось { $days } рабочих дня
    [many] осталось { $days } рабочих дней
   *[other] осталось { $days } рабочего дня
}
# A red tag beside a due date that has passed.
cabinet-overdue = Срок прошёл
# Read by screen readers when a status changes. $application is the number (or the service),
# $status the new status.
cabinet-status-changed = Статус заявления «{ $application }» изменился: { $status }

## Drafts

cabinet-drafts-heading = Черновики
cabinet-drafts-intro = Заявления, которые вы начали, но ещё не отправили.
cabinet-no-drafts = Черновиков нет.
# Instead of a status, for a draft kept only on this device.
cabinet-draft-in-browser = Сохранён в этом браузере
cabinet-resume = Продолжить
cabinet-discard = Удалить
# $service is the service's short name.
cabinet-discard-question = Удалить черновик «{ $service }»?
cabinet-discard-warning = Ответы и приложенные файлы будут удалены, восстановить их будет нельзя.
cabinet-discard-confirm = Да, удалить
cabinet-discard-cancel = Отмена
# Read by screen readers.
cabinet-draft-discarded = Черновик удалён.

## The page of one application

cabinet-back = Мои заявления
cabinet-application = Заявление
# $reference is the application's number, like HD3KM7PR.
cabinet-application-title = Заявление { $reference }
cabinet-draft-title = Черновик заявления
cabinet-draft-not-submitted = Заявление ещё не отправлено услугодателю.
cabinet-not-found-title = Заявление не найдено
cabinet-not-found-text = Среди ваших заявлений такого нет. Проверьте адрес или откройте список своих заявлений.
# Under the due date. $term is a duration like «15 рабочих дней».
cabinet-legal-term = срок оказания услуги — { $term } (по производственному календарю Казахстана)
cabinet-timeline-heading = Ход рассмотрения
cabinet-timeline-intro = Шаги по регламенту услугодателя. Статус обновляется сам, перезагружать страницу не нужно.
# Beside a step of the timeline.
cabinet-step-in-progress = выполняется
cabinet-step-upcoming = ожидается
# Under a step of the timeline. $date is a deadline like «до 16 января 2026 г.».
cabinet-step-due = Срок: { $date }
# Read by screen readers when the status changes. $status is the new status.
cabinet-status-now = Статус заявления изменился: { $status }.
cabinet-issued-title = Результат готов
# Followed by the number of the issued document.
cabinet-document-number = Номер документа:
# $kind is what the service issues.
cabinet-download = { $kind ->
    [licence] Скачать лицензию
    [permit] Скачать разрешение
    [certificate] Скачать сертификат
    [conclusion] Скачать заключение
   *[other] Скачать результат
}
cabinet-refused-title = В оказании услуги отказано
# Followed by the reason, one of the refusal-reason-… texts.
cabinet-refusal-reason = Причина:
cabinet-refusal-comment = Пояснение услугодателя:
cabinet-download-refusal = Скачать мотивированный отказ
cabinet-refused-next = Вы можете устранить причину отказа и подать новое заявление.
cabinet-appeal-heading = Если вы не согласны с отказом
# $regulation is the full title of an act, $provider the provider's name.
cabinet-appeal-unknown = Куда и в какой срок можно обжаловать отказ, в регламенте услуги не сказано ({ $regulation }), и в других найденных нами источниках тоже. Уточните это у услугодателя: { $provider }.
cabinet-apply-again = Подать новое заявление
cabinet-answers-heading = Ваши ответы
cabinet-documents-heading = Приложенные документы
cabinet-receipt-heading = Квитанция об оплате
cabinet-receipt-number = Номер квитанции
cabinet-receipt-paid-at = Оплачено
cabinet-receipt-amount = Сумма
cabinet-receipt-payer = ИИН/БИН плательщика
# Код бюджетной классификации.
cabinet-receipt-budget-code = КБК
# Код назначения платежа.
cabinet-receipt-purpose-code = КНП
cabinet-receipt-gateway-reference = Номер платежа в платёжном шлюзе

## Reasons for a refusal, after «Причина:». The officer gives the code; start with a small letter.

refusal-reason-incomplete-package = представлен неполный пакет документов
refusal-reason-fee-not-paid = не внесён лицензионный сбор
refusal-reason-qualification-requirements = заявитель не соответствует квалификационным требованиям
refusal-reason-activity-prohibited = законы Республики Казахстан запрещают заявителю заниматься этим видом деятельности
refusal-reason-court-ban = есть вступившее в законную силу решение суда о запрещении заявителю заниматься этим видом деятельности
refusal-reason-agreement-refused = согласующий государственный орган дал отрицательное заключение
refusal-reason-documents-expired = истёк срок действия представленных документов
# For a code not listed above.
refusal-reason-other = указана в мотивированном отказе услугодателя

## The end of a session: a dialog on any page while signed in

session-warning-title = Вы ещё здесь?
session-warning-text = Вы давно ничего не делали. Чтобы вашим кабинетом не воспользовался кто-то другой, мы скоро завершим сеанс.
# $minutes and $seconds are the time left.
session-warning-countdown = { $minutes ->
    [0] Сеанс завершится через { $seconds } с.
   *[other] Сеанс завершится через { $minutes } мин { $seconds } с.
}
session-stay = Продолжить работу
session-sign-out = Выйти
session-ended-title = Вы вышли из личного кабинета
session-ended-text = Сеанс завершён, потому что вы долго ничего не делали. Всё, что вы ввели, сохранено в этом браузере: войдите снова, чтобы продолжить.
session-sign-in-again = Войти снова
session-close = Закрыть
