## The list of services (the home page) and each service's "before you start" page.

catalog-title = Лицензии и разрешения
catalog-intro = Выберите услугу, чтобы узнать, кто может её получить, какие нужны документы, сколько это стоит и сколько времени займёт.
