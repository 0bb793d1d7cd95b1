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
wizard-check-saved = Ваши ответы сохранены в этом браузере: к ним можно вернуться в любой момент.
wizard-check-next = Вложение документов, оплата, подписание и отправка заявления онлайн скоро появятся.

## The applicant step
wizard-stage-applicant = Заявитель
wizard-applicant-heading = Заявитель
wizard-applicant-checking = Проверяем, вошли ли вы…
wizard-applicant-sign-in-intro = Чтобы подать заявление, войдите: ваши данные мы возьмём из государственных баз данных, вводить их не нужно. Ответы, которые вы уже дали, сохранятся.
wizard-applicant-sign-in = Войти
wizard-applicant-register = Зарегистрироваться
wizard-applicant-name = Заявитель
wizard-applicant-iin-bin = ИИН или БИН
wizard-applicant-address = Адрес
wizard-applicant-from-registry = Эти сведения получены из государственных баз данных «Физические лица» и «Юридические лица».
# $who lists who may apply, e.g. «Юридическое лицо (БИН)».
wizard-applicant-not-eligible = Эту услугу у выбранного услугодателя могут получить только: { $who }.
wizard-applicant-back-to-service = Вернуться к описанию услуги
