## The page shell: header, navigation, language switch and footer. These texts are on every page.

# The product name. Keep it in Kazakh in both languages: it is a name.
# same in every language
app-name = Өтініш
# Under the name in the header; at most 60 characters.
app-tagline = Лицензии и разрешения онлайн
# The first link on every page, visible when it gets keyboard focus.
skip-to-content = Перейти к основному содержанию
# Read by screen readers for the main navigation.
nav-label = Основное меню
# Menu items; keep them short (at most 20 characters).
nav-services = Услуги
nav-sign-in = Войти
nav-sign-out = Выйти
nav-cabinet = Личный кабинет
# The name of this language, in this language. Shown in the language switch.
lang-name = Русский
# Read by screen readers for the language switch.
lang-switch-label = Язык сайта

## Footer

# Followed by the number 1414 as a link.
footer-contact-centre = Единый контакт-центр
footer-free-call = Звонок по Казахстану бесплатный.
footer-disclaimer = Учебный проект: заявления отсюда не попадают в государственные органы.

## The page that is shown for an unknown address

not-found-title = Страница не найдена
not-found-check-address = Если вы набрали адрес вручную, проверьте, нет ли в нём ошибки.
not-found-services-link = Перейти к списку услуг

## A part of the page that did not download: the connection dropped, or a new version of the
## site came out while the page was open (its files then have new names).

page-loading = Загружаем страницу…
page-unavailable-title = Страница не загрузилась
page-unavailable-text = Возможно, прервалось подключение к интернету или вышла новая версия сайта. Обновите страницу.
page-unavailable-reload = Обновить страницу
