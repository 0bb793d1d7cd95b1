## Услуга «Выдача заключения об отнесении товаров, технологий, работ, услуг, информации к продукции,
## подлежащей экспортному контролю».
## Эти тексты видны в каталоге услуг и в поиске, на странице услуги и в мастере заявления.

service-export-control-conclusion = Выдача заключения об отнесении товаров, технологий, работ, услуг, информации к продукции, подлежащей экспортному контролю
service-export-control-conclusion-short = Заключение об отнесении к продукции экспортного контроля
service-export-control-conclusion-summary = Вы получаете заключение об отнесении товаров, технологий, работ, услуг, информации к продукции, подлежащей экспортному контролю, в электронном или бумажном виде. Из него видно, подпадают ли они под экспортный контроль.
service-export-control-conclusion-keywords = идентификация классификация экспортный контроль заключение двойного назначения товары технологии работы услуги информация минт комитет промышленности

page-export-control-conclusion-object = Предмет заключения
field-export-control-conclusion-object-types = Что нужно отнести к продукции, подлежащей экспортному контролю
    .hint = Отметьте всё, что подходит.
field-export-control-conclusion-object-types-goods = Товары
field-export-control-conclusion-object-types-technologies = Технологии
field-export-control-conclusion-object-types-works = Работы
field-export-control-conclusion-object-types-services = Услуги
field-export-control-conclusion-object-types-information = Информация
field-export-control-conclusion-object-description = Описание
    .hint = Перечислите товары, технологии, работы, услуги или информацию, о которых нужно заключение.
