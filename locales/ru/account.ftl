## Signing in and registering: ИИН/БИН and password.

sign-in-title = Вход
sign-in-intro = Войдите по ИИН или БИН и паролю, чтобы подать заявление и следить за ним.
sign-in-password-hint = Пароль, который вы задали при регистрации.
# The button; at most 20 characters.
sign-in-submit = Войти
sign-in-no-account = Нет учётной записи? Зарегистрируйтесь

register-title = Регистрация
register-intro = Ваши имя и адрес мы возьмём из государственных баз данных: вводить их не нужно.
register-password-hint = Не короче 15 знаков. Удобнее всего запомнить несколько слов через пробел.
# The button; at most 20 characters.
register-submit = Зарегистрироваться
register-have-account = Уже есть учётная запись? Войдите

account-iin-bin = ИИН или БИН
account-iin-bin-hint = 12 цифр. ИИН — для физического лица, БИН — для организации.
account-password = Пароль

# A check box under the password: ticked, the applicant's drafts are not kept after the browser closes.
account-shared-device = Это общий или чужой компьютер
account-shared-device-hint = Например, в библиотеке, ЦОНе или на работе. Тогда черновики заявлений не останутся на этом устройстве после закрытия браузера. При выходе из кабинета они удаляются в любом случае.

## /sign-in or /register opened by an applicant already signed in.

sign-in-already-title = Вы уже вошли
# $name is the applicant's name or the organisation's.
sign-in-already-as = Вы вошли как { $name }.
sign-in-already-continue = Продолжить
sign-in-already-sign-out = Выйти, чтобы войти под другой учётной записью
