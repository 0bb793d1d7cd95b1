-- The registry stands in for the state databases of persons and companies (ГБД ФЛ, ГБД ЮЛ):
-- the applicant's data come from here and are never retyped. Seeded with test records whose
-- ИИН/БИН pass the checksum.
CREATE TABLE registry_people (
    iin         TEXT PRIMARY KEY CHECK (length(iin) = 12),
    surname     TEXT NOT NULL,
    given_name  TEXT NOT NULL,
    patronymic  TEXT,
    birth_date  TEXT NOT NULL,
    address     TEXT NOT NULL
);

CREATE TABLE registry_companies (
    bin         TEXT PRIMARY KEY CHECK (length(bin) = 12),
    name        TEXT NOT NULL,
    head_iin    TEXT NOT NULL REFERENCES registry_people (iin),
    address     TEXT NOT NULL
);

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    identifier    TEXT    NOT NULL UNIQUE CHECK (length(identifier) = 12),
    password_hash TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

-- Session tokens are stored hashed (SHA-256): a copy of the database does not let anyone in.
CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

INSERT INTO registry_people (iin, surname, given_name, patronymic, birth_date, address) VALUES
    ('850314300003', 'Абенов',    'Нурлан',  'Серикович',    '1985-03-14', 'г. Алматы, пр. Абая, 10, кв. 5'),
    ('900521400007', 'Жумабаева', 'Айгерим', 'Маратовна',    '1990-05-21', 'г. Усть-Каменогорск, ул. Казахстан, 64'),
    ('780101300006', 'Иванов',    'Сергей',  'Петрович',     '1978-01-01', 'г. Шымкент, ул. Тауке хана, 3'),
    ('950808400006', 'Сейткали',  'Әсел',    'Қайратқызы',   '1995-08-08', 'г. Астана, ул. Кенесары, 40'),
    ('010203500008', 'Омаров',    'Данияр',  NULL,           '2001-02-03', 'г. Алматы, мкр. Самал-2, 58'),
    ('061211600012', 'Сейтқали',  'Әйгерім', 'Нұрланқызы',   '2006-12-11', 'г. Усть-Каменогорск, ул. Примерная, 1, кв. 1');

INSERT INTO registry_companies (bin, name, head_iin, address) VALUES
    ('050440000002', 'ТОО «Медицинский центр Шипагер»', '850314300003', 'г. Алматы, ул. Жандосова, 2'),
    ('120340000004', 'ТОО «Фарм-Восток»',               '900521400007', 'г. Усть-Каменогорск, ул. Ушанова, 17'),
    ('081140000005', 'АО «КазХимПром»',                 '780101300006', 'г. Шымкент, Промзона, 1'),
    ('151040100008', 'Филиал ТОО «Агро-Защита»',        '950808400006', 'г. Алматы, ул. Сейфуллина, 500'),
    ('990140004654', 'ТОО «Пример»',                    '010203500008', 'г. Алматы, ул. Примерная, 2');
