## The application form: its step indicator, the questions the catalog asks (which case, which
## provider), buttons and links, and "check your answers".

# The stages of the step indicator; at most 20 characters each.
wizard-stage-service = Услуга
wizard-stage-details = Сведения
wizard-stage-check = Проверка
# Above the step indicator. $step and $total are numbers.
wizard-step-of = Шаг { $step } из { $total }
# Read by screen readers for the step indicator.
wizard-steps-label = Этапы подачи заявления
# While an application saved on the backend (from the cabinet, another device) is being opened.
wizard-opening = Открываем заявление…

wizard-sub-case-heading = Что вам нужно?
wizard-sub-case-legend = Вид заявления
wizard-error-choose-sub-case = Выберите, что вам нужно
wizard-targets-heading = На что вы подаёте заявление?
wizard-targets-legend = Лицензия или приложение
wizard-targets-both = Лицензия и приложение к ней
wizard-error-choose-targets = Выберите, на что вы подаёте заявление
wizard-provider-heading = Куда вы подаёте заявление?
wizard-provider-legend = Услугодатель
wizard-error-choose-provider = Выберите услугодателя

# Buttons and links; short.
wizard-continue = Продолжить
wizard-back = Назад
wizard-change = Изменить
# After the label of a question that may be left empty.
wizard-optional = (необязательно)
# The first, empty option of a drop-down list.
wizard-choose = Выберите

answer-yes = Да
answer-no = Нет

wizard-check-heading = Проверьте ответы
wizard-not-answered = Не указано
# Under the answers. After "Continue" come payment (where a fee is due) and the signature.
# $documents is "yes" where documents are attached in this form, "no" otherwise.
wizard-check-next-payment = { $documents ->
    [yes] Проверьте ответы и документы.
   *[no] Проверьте ответы.
} Дальше — оплата лицензионного сбора через платёжный шлюз, затем подписание заявления ЭЦП и его отправка.
wizard-check-next-sign = { $documents ->
    [yes] Проверьте ответы и документы.
   *[no] Проверьте ответы.
} Дальше — подписание заявления ЭЦП и его отправка.
wizard-check-continue = Всё верно, продолжить
wizard-check-declaration-heading = Подтверждение
wizard-check-declaration = Продолжая, вы подтверждаете, что сведения в заявлении, насколько вам известно, верны и полны. Заявление вы подпишете ЭЦП на шаге «Подписание и отправка».
wizard-check-not-started = Вы ещё не начали заполнять это заявление: проверять пока нечего.
wizard-check-start = Начать заполнение

## "Check your answers": the fee, and how one whose rate no source gives is settled.
wizard-check-fee-heading = Оплата
wizard-check-fee-licence = Лицензионный сбор
wizard-check-fee-other = Плата за услугу
# $amount is an amount in tenge, «30 000 ₸».
wizard-check-fee-gateway = { $amount }, оплата через платёжный шлюз «электронного правительства» (сумму указали вы)
wizard-check-fee-receipt = Уплачен в банке или через терминал, квитанция приложена к заявлению

## A licence fee whose rate no source gives: the provider sets the amount.
wizard-fee-heading = Лицензионный сбор
wizard-fee-due = За эту лицензию уплачивается лицензионный сбор по установленной ставке. Ставку для вашего вида деятельности мы не нашли ни в одном источнике, поэтому уточните сумму у услугодателя.
wizard-fee-before = Сбор уплачивается в бюджет до подачи заявления. Уплаченный сбор не возвращается, кроме случая, когда вы откажетесь от лицензии до подачи документов.
wizard-fee-source = Источник: egov.kz, «Ставки лицензионного сбора».
wizard-fee-legend = Как вы уплатите сбор?
wizard-fee-gateway = Сейчас, через платёжный шлюз «электронного правительства»
wizard-fee-amount = Сумма сбора, тенге
wizard-fee-amount-hint = Сумма, которую назвал услугодатель, в целых тенге, например 43 250.
wizard-fee-receipt = Сбор уже уплачен в банке или через терминал
wizard-fee-receipt-hint = Квитанцию или платёжное поручение вы приложите на шаге «Документы».
wizard-fee-error-way = Выберите, как вы уплатите сбор
wizard-fee-error-amount = Введите сумму сбора
wizard-fee-error-whole = Введите сумму в целых тенге, только цифрами, например 43 250
wizard-fee-error-range = Сумма должна быть от 1 до 10 000 000 тенге

## The applicant step
wizard-stage-applicant = Заявитель
wizard-applicant-heading = Заявитель
wizard-applicant-checking = Проверяем, вошли ли вы…
wizard-applicant-sign-in-intro = Чтобы подать заявление, войдите: ваши данные мы возьмём из государственных баз данных, вводить их не нужно. Ответы, которые вы уже дали, сохранятся.
wizard-applicant-sign-in = Войти
wizard-applicant-name = Заявитель
wizard-applicant-iin-bin = ИИН или БИН
wizard-applicant-address = Адрес
wizard-applicant-from-registry = Эти сведения получены из государственных баз данных «Физические лица» и «Юридические лица».
# $who lists who may apply, e.g. «Юридическое лицо (БИН)».
wizard-applicant-not-eligible = Эту услугу у выбранного услугодателя могут получить только: { $who }.
wizard-applicant-back-to-service = Вернуться к описанию услуги

wizard-stage-documents = Документы
wizard-stage-payment = Оплата
wizard-stage-submit = Отправка

## Pages that repeat ("add another"). $field is a question, $n the item's number.
wizard-item-field = { $field } (№ { $n })
wizard-remove = Удалить
# Said by screen readers after "Remove". $item is the removed item's heading («Объект 2»).
wizard-item-removed = { $item }: удалено

## Whether the answers are saved on the server; shown under the form and read out politely.
wizard-save-saving = Сохраняем…
wizard-save-saved = Ответы сохранены в личном кабинете.
wizard-save-local = Нет связи с сервером: ответы сохранены в этом браузере и будут отправлены, когда связь восстановится.
wizard-save-merged = Ответы менялись и в другой вкладке или на другом устройстве: мы сохранили изменения, сделанные и там, и здесь.
wizard-save-merged-conflicts = Некоторые ответы изменены и здесь, и в другой вкладке или на другом устройстве. Сохранены ответы из этого окна: проверьте их перед отправкой.
wizard-save-refused = Сервер не принял ответы: они сохранены в этом браузере. Проверьте, что вы вошли в личный кабинет, и продолжите заполнение.

## The documents step
wizard-documents-heading = Документы
wizard-documents-intro = Приложите документы: для каждого указаны подходящие форматы и наибольший размер файла.
wizard-documents-none = Для вашего заявления прикладывать документы не нужно.
wizard-documents-sign-in = Чтобы приложить документы, войдите в личный кабинет. Ваши ответы сохранятся.
# $formats lists file formats, e.g. «PDF, JPG, PNG»; $megabytes is a number.
wizard-documents-formats = Формат: { $formats }, не больше { $megabytes } МБ.
wizard-documents-choose = Выбрать файл
wizard-documents-replace = Заменить
# Said by screen readers after a file is removed. $file is its name.
wizard-documents-removed = Файл «{ $file }» удалён
# $percent is a whole number from 0 to 100.
wizard-documents-sending = Загружается: { $percent } %
wizard-documents-drop = Можно также перетащить файл сюда.

## The payment step
wizard-payment-heading = Оплата лицензионного сбора
wizard-payment-checking = Проверяем оплату…
wizard-payment-intro = Сбор оплачивается через платёжный шлюз «электронного правительства». Сумма рассчитана на сегодня по месячному расчётному показателю.
wizard-payment-intro-entered = Сбор оплачивается через платёжный шлюз «электронного правительства» в сумме, которую вы указали.
wizard-payment-amount = К оплате
wizard-payment-gateway-note = Вы перейдёте на страницу платёжного шлюза, а после оплаты вернётесь сюда.
wizard-payment-pay = Перейти к оплате
wizard-payment-pending = Платёж ещё обрабатывается. Страница обновится сама, как только придёт ответ.
wizard-payment-back-to-gateway = Вернуться к оплате
wizard-payment-declined = Платёж не прошёл
wizard-payment-declined-cancelled = Вы отменили оплату. Деньги не списаны.
wizard-payment-declined-other = Платёжный шлюз отклонил платёж. Деньги не списаны. Попробуйте ещё раз или выберите другую карту.
wizard-payment-retry = Оплатить ещё раз
wizard-payment-paid = Сбор оплачен
wizard-payment-to-check = Вернуться к проверке ответов

wizard-receipt-heading = Квитанция
wizard-receipt-number = Номер квитанции
wizard-receipt-paid-at = Дата и время оплаты
wizard-receipt-amount = Сумма
wizard-receipt-payer = ИИН/БИН плательщика
wizard-receipt-budget-code = Код бюджетной классификации (КБК)
wizard-receipt-purpose-code = Код назначения платежа (КНП)
wizard-receipt-gateway-reference = Номер операции в платёжном шлюзе

## The signing and sending step
wizard-sign-heading = Подписание и отправка
wizard-sign-intro = Заявление подписывается электронной цифровой подписью (ЭЦП) и сразу отправляется услугодателю.
wizard-sign-submit = Подписать и отправить
wizard-sign-signing = Подписываем заявление…
# $attempt is the number of the attempt, from 1.
wizard-sign-sending = Отправляем заявление{ $attempt ->
    [1] …
   *[other] … (попытка { $attempt })
}
wizard-sign-refused = Заявление не принято
wizard-sign-not-sent = Не удалось связаться с сервером. Заявление подписано и сохранено в этом браузере; отправьте его ещё раз, когда связь восстановится. Второе заявление не появится.
wizard-sign-resend = Отправить ещё раз

## The confirmation
wizard-done-heading = Заявление отправлено
wizard-done-reference = Номер вашего заявления
# $at is a date and time.
wizard-done-sent = Отправлено { $at }.
# $date is a date.
wizard-done-registered = Дата регистрации заявления: { $date }
wizard-done-due = Результат ожидается не позднее { $date }
wizard-done-due-unknown = Срок оказания услуги в доступных нам источниках не указан — уточните его у услугодателя.
wizard-done-next-heading = Что дальше
# $provider is the provider's name.
wizard-done-next = Заявление рассмотрит { $provider }. Каждый шаг рассмотрения и его срок видны в личном кабинете.
wizard-done-result = { $kind ->
    [licence] Результат — лицензию или мотивированный отказ — можно будет скачать в личном кабинете.
    [permit] Результат — разрешение или мотивированный отказ — можно будет скачать в личном кабинете.
    [certificate] Результат — сертификат или мотивированный отказ — можно будет скачать в личном кабинете.
    [conclusion] Результат — заключение или мотивированный отказ — можно будет скачать в личном кабинете.
   *[other] Результат можно будет скачать в личном кабинете.
}
wizard-done-notify = Мы не присылаем сообщений по SMS или электронной почте: статус заявления виден в личном кабинете, а открытая страница заявления сама сообщает о его изменении.
# A button: prints the page, or saves it as PDF from the print dialog.
wizard-done-print = Распечатать или сохранить эту страницу
wizard-done-cabinet = Перейти в личный кабинет
wizard-done-another = Подать другое заявление

## A question left unanswered: what to do, beside the question and in the error summary.
## One message a question (wizard-required-<field id>); a question without one gets the
## generic error-required.

wizard-required-contact-phone = Введите контактный телефон
wizard-required-contact-email = Введите адрес электронной почты
wizard-required-activity-address = Введите адрес объекта
wizard-required-licence-number = Введите номер действующей лицензии
wizard-required-licence-date = Введите дату выдачи лицензии
wizard-required-reissue-reason = Выберите причину переоформления
wizard-required-reissue-reason-details = Опишите причину переоформления
wizard-required-duplicate-reason = Выберите, почему нужен дубликат
wizard-required-activity-subtypes = Перечислите подвиды деятельности
wizard-required-controlled-transit-products = Опишите продукцию, на транзит которой нужно разрешение
wizard-required-export-control-conclusion-object-types = Выберите, что нужно отнести к продукции, подлежащей экспортному контролю
wizard-required-export-control-conclusion-object-description = Опишите продукцию
wizard-required-export-import-direction = Выберите, на что нужна лицензия
wizard-required-export-import-controlled = Выберите «Да» или «Нет»
wizard-required-narcotics-export-import-direction = Выберите, на что нужна лицензия
wizard-required-narcotics-export-import-basis = Выберите, чем подтверждается сделка
wizard-required-narcotics-export-import-contract-details = Введите сведения о внешнеторговом договоре (контракте)
wizard-required-narcotics-import-export-transit-operations = Выберите, на что нужно разрешение
wizard-required-pesticides-activities = Выберите виды деятельности, на которые нужна лицензия
wizard-required-processing-abroad-products-description = Опишите продукцию, которую предполагается переработать

## The date question: day, month and year in three boxes (GOV.UK date input).
wizard-date-hint = Например, 27 3 2007
wizard-date-day = День
wizard-date-month = Месяц
wizard-date-year = Год
