-- One reporter's reports are grouped in the queue by the network they came from: a client
-- without the device cookie is a new device at every connection.
ALTER TABLE report ADD COLUMN reporter_network TEXT;
CREATE INDEX report_reporter_network ON report (reporter_network) WHERE reporter_network IS NOT NULL;
