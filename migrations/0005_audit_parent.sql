ALTER TABLE "audit_log" ADD COLUMN "parent_id" text;--> statement-breakpoint
-- Entries written before the column: the records inside a visit kept their visit in their snapshots.
UPDATE "audit_log" SET "parent_id" = COALESCE("after"->>'visitId', "before"->>'visitId') WHERE "entity_type" IN ('visit_participant', 'programme_item', 'visit_accommodation', 'visit_transport', 'visit_task', 'visit_ticket', 'visit_budget_line', 'gift', 'visit_share_link');--> statement-breakpoint
CREATE INDEX "audit_parent_idx" ON "audit_log" USING btree ("parent_id","at") WHERE "audit_log"."parent_id" IS NOT NULL;
