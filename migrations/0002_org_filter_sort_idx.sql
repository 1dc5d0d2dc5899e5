DROP INDEX "organizations_kind_idx";--> statement-breakpoint
DROP INDEX "organizations_country_idx";--> statement-breakpoint
CREATE INDEX "organizations_kind_sort_idx" ON "organizations" USING btree ("kind","sort_name","id");--> statement-breakpoint
CREATE INDEX "organizations_country_sort_idx" ON "organizations" USING btree ("country","sort_name","id");