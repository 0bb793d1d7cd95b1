## The list of services (the home page) and each service's "before you start" page.

catalog-title = Лицензии и разрешения
catalog-intro = Выберите услугу, чтобы узнать, кто может её получить, какие нужны документы, сколько это стоит и сколько времени займёт.

## Search and filters, beside the list

catalog-filters = Поиск и фильтры
catalog-search-label = Найти услугу
catalog-search-hint = Например: фармацевтическая, пестициды, экспорт
# The folding part with the filters below the search box.
catalog-more-filters = Фильтры
catalog-applicant-legend = Кто подаёт заявление
catalog-applicant-any = Любой заявитель
catalog-area-label = Регион
catalog-area-any = Все регионы
# A filter option for services of national bodies (ministries and their committees).
catalog-area-national = Вся страна (республиканские органы)
catalog-provider-label = Услугодатель
catalog-provider-any = Все

# Read out after each change of the search or filters. $count is the number of services found.
catalog-found = { $count ->
    [one] Найдена { $count } услуга
    [few] Найдено { $count } услуги
    [many] Найдено { $count } услуг
   *[other] Найдено { $count } услуги
}
catalog-nothing-found = Ничего не найдено. Проверьте, нет ли опечатки, или сбросьте фильтры.
catalog-reset = Сбросить поиск и фильтры

# Tags under each service in the list; keep them short.
tag-fee-unknown = стоимость уточняется
tag-fee-due-unsourced = лицензионный сбор: сумму называет услугодатель

## The "before you start" page of a service

service-back-to-list = Все услуги
# Followed by the full official name of the service.
service-official-name = Официальное название:
# Instead of the line above, where the name in this language is a translation: no official
# text of it was found. The Russian names are all official, so the Russian says the same.
service-name-our-translation = Официальное название:
# Followed by the name of the single provider.
service-provider = Услугодатель:
service-choose-provider = Услугодатель
service-choose-provider-hint = Сроки, этапы и документы зависят от того, куда вы подаёте заявление.
service-who-heading = Кто может подать заявление
service-only-these-applicants = Другие заявители эту услугу получить не могут.
service-targets = Заявление можно подать на:
service-terms-heading = Сроки и стоимость
# Followed by a duration, e.g. «15 рабочих дней».
service-deadline = Срок рассмотрения:
# Followed by an amount, e.g. «43 250 ₸ (10 МРП)», by «не взимается» (a source says no fee
# applies) or by «ни один найденный источник не говорит, взимается ли плата…».
service-fee = Стоимость:
# Shown only under a licence fee. $date is today's date, attributive: «23 ноября 2026 года».
service-fee-date = Сумма лицензионного сбора рассчитана по МРП на { $date }.

service-documents-heading = Документы
service-documents-yours = Вы прикладываете
service-documents-none-named = Регламент не называет документов, которые нужно приложить.
service-documents-ours = Услугодатель получит сам
service-documents-ours-intro = Эти сведения услугодатель запрашивает сам; приносить их не нужно.
service-documents-partial = Полный перечень документов установлен пунктом 9 стандарта государственной услуги, текст которого нам недоступен. Перед подачей уточните перечень у услугодателя.
# $types is a list like «PDF, JPEG, PNG»; $size is a number of megabytes.
service-document-formats = Формат: { $types }, до { $size } МБ
service-document-optional = при наличии

# Qualifiers after a document that is not needed in every case, e.g. «(при переоформлении)».
for-sub-case-issue = при выдаче
for-sub-case-reissue = при переоформлении
for-sub-case-duplicate = при выдаче дубликата
for-applicant-individual = для физических лиц
for-applicant-legal-entity = для юридических лиц
# After a document that reaches the provider by itself only for some channels.
for-channel-portal = при подаче через портал
for-channel-office = при подаче в канцелярию
for-channel-con = при подаче через ЦОН

service-steps-heading = Как рассматривается заявление
service-steps-for = Показать этапы:
# $term is a duration, e.g. «15 рабочих дней».
service-steps-total = Срок рассмотрения по регламенту: { $term }.
# After the term of a step that runs within a later step's term. $step is that step's text.
service-step-included = входит в срок этапа «{ $step }»
# Instead of the step's own text, for a step taken only to refuse an incomplete package
# (it is not on the way to the result, and its term is not part of the total).
service-step-refusal = Если пакет документов неполный, исполнитель готовит мотивированный отказ
service-channels-heading = Куда подать заявление
service-legal-heading = Правовое основание
service-regulation-repealed = Регламент, на котором основаны эти сведения, утратил силу. Порядок мог измениться: перед подачей уточните его у услугодателя.
# $date is a date like «19 июня 2015 г.», $number the registration number.
act-registered = Регистрация в органах юстиции: { $date }, № { $number }
# $date is a date like «10 сентября 2015 года», $number the number of the repealing act.
act-repealed-by-law = Документ утратил силу: закон от { $date } № { $number }
act-repealed-by-government-resolution = Документ утратил силу: постановление Правительства Республики Казахстан от { $date } № { $number }
act-repealed-by-ministerial-order = Документ утратил силу: приказ министра от { $date } № { $number }
act-repealed-by-akimat-resolution = Документ утратил силу: постановление акимата от { $date } № { $number }

service-apply-heading = Подать заявление
service-apply-intro = Заполнение займёт около 15 минут. Ваши ответы сохраняются по мере заполнения.
# The main button; at most 30 characters.
service-start = Начать
service-draft-found = Вы уже начали заполнять заявление на эту услугу. Ответы сохранены — можно продолжить с того места, где вы остановились.
service-draft-continue = Продолжить заявление
service-draft-start-again = Начать новое заявление

