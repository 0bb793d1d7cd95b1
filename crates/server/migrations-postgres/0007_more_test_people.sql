-- PostgreSQL: as migrations/0007_more_test_people.sql, with 64-bit integers, identity keys and BYTEA.
-- More test records for the registry, so that each end-to-end journey signs in as a person
-- no other spec signs up through the form (an account is registered once per database).
-- Every ИИН passes the checksum; birth dates match their first six digits.
INSERT INTO registry_people (iin, surname, given_name, patronymic, birth_date, address) VALUES
    ('870615300102', 'Нургалиев', 'Ерлан',   'Болатович',    '1987-06-15', 'г. Павлодар, ул. Торайгырова, 45'),
    ('930920400100', 'Ахметова',  'Дана',    'Ерланқызы',    '1993-09-20', 'г. Караганда, пр. Бухар-Жырау, 12'),
    ('801102300202', 'Ким',       'Виктор',  'Алексеевич',   '1980-11-02', 'г. Костанай, ул. Байтурсынова, 7'),
    ('770412400302', 'Бекова',    'Гүлнар',  'Сабитқызы',    '1977-04-12', 'г. Актобе, пр. Абилкайыр хана, 30');
