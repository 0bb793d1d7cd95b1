## The result document the reference backend prints (a PDF, crates/server/src/result_document.rs):
## the issued document in test mode, and the reasoned refusal. Printed in Kazakh and Russian
## one above the other, so plain one-line texts; labels are short (the label column is narrow).

result-document-test-mode = ТЕСТОВЫЙ РЕЖИМ: ДОКУМЕНТ НЕ ИМЕЕТ ЮРИДИЧЕСКОЙ СИЛЫ
result-document-refusal-title = Мотивированный отказ
result-document-number = Номер
result-document-issued-on = Дата выдачи
result-document-holder = Кому выдан
result-document-iin-bin = ИИН / БИН
result-document-activity = Вид деятельности
result-document-subject = Предмет
result-document-issued-by = Кем выдан
result-document-application = Заявление
result-document-date = Дата
result-document-applicant = Заявитель
result-document-service = Услуга
result-document-provider = Услугодатель
result-document-reason = Причина отказа
result-document-comment = Пояснение услугодателя
# The reason, when the officer gave one the list of reasons does not have.
result-document-reason-unlisted = указана в пояснении услугодателя
result-document-made-by = Сформирован otinish-server, эталонным сервером «Өтініш».
