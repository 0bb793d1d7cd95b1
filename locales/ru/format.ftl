## Numbers, durations, amounts and dates, used on every page that shows a deadline, a fee or a date.

# Durations. $amount is a whole number.
term-minutes = { $amount ->
    [one] { $amount } минута
    [few] { $amount } минуты
    [many] { $amount } минут
   *[other] { $amount } минуты
}
term-hours = { $amount ->
    [one] { $amount } час
    [few] { $amount } часа
    [many] { $amount } часов
   *[other] { $amount } часа
}
term-working-days = { $amount ->
    [one] { $amount } рабочий день
    [few] { $amount } рабочих дня
    [many] { $amount } рабочих дней
   *[other] { $amount } рабочего дня
}
term-calendar-days = { $amount ->
    [one] { $amount } календарный день
    [few] { $amount } календарных дня
    [many] { $amount } календарных дней
   *[other] { $amount } календарного дня
}
# Shown instead of a duration that no source gives.
term-unknown = срок не удалось подтвердить — уточните у услугодателя

# After a due date whose term is counted in calendar days, in brackets. $days is the number
# of calendar days left (0 on the due day).
calendar-days-left = { $days ->
    [0] срок истекает сегодня
    [one] остался { $days } календарный день
    [few] осталось { $days } календарных дня
    [many] осталось { $days } календарных дней
   *[other] осталось { $days } календарного дня
}

# Fees. $amount is already formatted, like «43 250 ₸»; $mrp is the number of МРП, like «10» or «0,3».
fee-amount = { $amount } ({ $mrp } МРП)
fee-free = плата не взимается
fee-unknown = ни один найденный источник не говорит, взимается ли плата и в каком размере, — уточните у услугодателя
fee-due-unsourced = взимается лицензионный сбор по установленной ставке; ставку не называет ни один найденный источник — сумму уточните у услугодателя

# Dates. $day and $year are numbers, $month is one of the month names below.
date-long = { $day } { $month } { $year } г.
# The form used in legal citations: «от 15 апреля 2013 года».
date-attributive = { $day } { $month } { $year } года
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
# In Russian the same forms as above; Kazakh needs other endings here.
month-attributive-1 = января
month-attributive-2 = февраля
month-attributive-3 = марта
month-attributive-4 = апреля
month-attributive-5 = мая
month-attributive-6 = июня
month-attributive-7 = июля
month-attributive-8 = августа
month-attributive-9 = сентября
month-attributive-10 = октября
month-attributive-11 = ноября
month-attributive-12 = декабря

# A moment: $date is a long date, $time is "10:15".
date-time = { $date }, { $time }
# A file's size. $size is a number.
size-kilobytes = { $size } КБ
size-megabytes = { $size } МБ

# A deadline: «до 23 февраля 2026 г.». The month names below are the forms that follow «до».
date-until = до { $day } { $month } { $year } г.
month-until-1 = января
month-until-2 = февраля
month-until-3 = марта
month-until-4 = апреля
month-until-5 = мая
month-until-6 = июня
month-until-7 = июля
month-until-8 = августа
month-until-9 = сентября
month-until-10 = октября
month-until-11 = ноября
month-until-12 = декабря
