-- Run once by the postgres image, on its first start with an empty data volume (files in
-- /docker-entrypoint-initdb.d run in name order, as POSTGRES_USER). To run it again:
-- `docker compose down -v` (deletes ALL the stack's data, Kafka's too) and `docker compose up`.
--
-- A database per service: each service owns its data, and no other service reads or writes
-- it; services share facts only through Kafka events. Each service also gets its own login,
-- which owns its database (so its migrations can create tables there) and is the only one
-- allowed to connect to it. The names match the embedded PostgreSQL's (the service name with
-- `_` for `-`), and docker-compose.yml's DATABASE_URLs use them; apps/e2e/src/
-- docker-compose.spec.ts checks that they agree.
--
-- The passwords are for a local demo stack. Anywhere else, give them from a secret store.

CREATE ROLE order_service LOGIN PASSWORD 'order_service';
CREATE DATABASE order_service OWNER order_service;
REVOKE CONNECT ON DATABASE order_service FROM PUBLIC;

CREATE ROLE inventory_service LOGIN PASSWORD 'inventory_service';
CREATE DATABASE inventory_service OWNER inventory_service;
REVOKE CONNECT ON DATABASE inventory_service FROM PUBLIC;

CREATE ROLE notification_service LOGIN PASSWORD 'notification_service';
CREATE DATABASE notification_service OWNER notification_service;
REVOKE CONNECT ON DATABASE notification_service FROM PUBLIC;
