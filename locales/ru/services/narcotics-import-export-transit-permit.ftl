## Услуга «Выдача разрешения на ввоз, вывоз и транзит наркотических средств, психотропных веществ и прекурсоров» (МВД).
## Тексты видны в каталоге и поиске услуг, на странице мастера заявления «Ввоз, вывоз или транзит» и в личном кабинете.

service-narcotics-import-export-transit-permit = Выдача разрешения на ввоз, вывоз и транзит наркотических средств, психотропных веществ и прекурсоров
service-narcotics-import-export-transit-permit-short = Разрешение на ввоз, вывоз и транзит наркотических средств
service-narcotics-import-export-transit-permit-summary = Разрешение на ввоз, вывоз и транзит наркотических средств, психотропных веществ и прекурсоров приходит в личный кабинет на портале электронным документом, подписанным ЭЦП услугодателя; при необходимости его распечатывают и заверяют печатью и подписью руководителя. Если документы не соответствуют требованиям, приходит мотивированный отказ.
service-narcotics-import-export-transit-permit-keywords = ввоз вывоз транзит импорт экспорт перемещение наркотики наркотические нс пв психотропные прекурсоры разрешение проект разрешения мвд

page-narcotics-import-export-transit-scope = Ввоз, вывоз или транзит

field-narcotics-import-export-transit-operations = На что нужно разрешение
    .hint = Отметьте все нужные операции.
field-narcotics-import-export-transit-operations-import = Ввоз
field-narcotics-import-export-transit-operations-export = Вывоз
field-narcotics-import-export-transit-operations-transit = Транзит
