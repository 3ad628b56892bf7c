-- The agency's spokesperson (người phát ngôn, Nghị định 09/2017/NĐ-CP),
-- marked among the organisation chart's leaders, with the phone and
-- e-mail the law asks to publish (shown on /phat-ngon; '' for the unit's).
ALTER TABLE unit_leaders ADD COLUMN spokesperson BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE unit_leaders ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE unit_leaders ADD COLUMN email TEXT NOT NULL DEFAULT '';
