CREATE TABLE "gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"person_id" uuid,
	"counterpart" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"value" numeric(14, 2),
	"currency" text,
	"date" date,
	"notes" text DEFAULT '' NOT NULL,
	"photo_key" text,
	"photo_type" text,
	"photo_size" integer,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "programme_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text,
	"position" integer DEFAULT 0 NOT NULL,
	"title" jsonb NOT NULL,
	"place" jsonb,
	"attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"attendees_text" text DEFAULT '' NOT NULL,
	"responsible_id" uuid,
	"transport" text DEFAULT '' NOT NULL,
	"dress_code" text DEFAULT '' NOT NULL,
	"notes" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_accommodations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"participant_id" uuid,
	"hotel_organization_id" uuid,
	"hotel_name" text DEFAULT '' NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"check_in" date NOT NULL,
	"check_out" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"estimate" numeric(14, 2) NOT NULL,
	"actual" numeric(14, 2),
	"currency" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"name" text,
	"name_latin" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"organization" text DEFAULT '' NOT NULL,
	"arrival" jsonb,
	"departure" jsonb,
	"dietary_needs" text DEFAULT '' NOT NULL,
	"access_needs" text DEFAULT '' NOT NULL,
	"meet_by" text DEFAULT '' NOT NULL,
	"see_off_by" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"language" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"assignee_id" uuid,
	"due_date" date,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"service" text,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"participant_id" uuid,
	"carrier" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"from_place" text NOT NULL,
	"to_place" text NOT NULL,
	"departure_at" text NOT NULL,
	"departure_time_zone" text NOT NULL,
	"arrival_at" text NOT NULL,
	"arrival_time_zone" text NOT NULL,
	"booking_reference" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_transports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"vehicle" text NOT NULL,
	"driver_name" text DEFAULT '' NOT NULL,
	"driver_phone" text,
	"legs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"title" jsonb NOT NULL,
	"purpose" jsonb,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"time_zone" text NOT NULL,
	"organization_id" uuid,
	"country" text,
	"city" text,
	"guest_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"responsible_id" uuid,
	"contact_phone" text,
	"notes" text DEFAULT '' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"report_submitted_at" timestamp with time zone,
	"confidential" boolean DEFAULT false NOT NULL,
	"owner_id" uuid,
	"sort_title" text NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "passports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"issuing_country" text NOT NULL,
	"issued_on" date,
	"expires_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_items" ADD CONSTRAINT "programme_items_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_accommodations" ADD CONSTRAINT "visit_accommodations_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_accommodations" ADD CONSTRAINT "visit_accommodations_participant_id_visit_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."visit_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_accommodations" ADD CONSTRAINT "visit_accommodations_hotel_organization_id_organizations_id_fk" FOREIGN KEY ("hotel_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_budget_lines" ADD CONSTRAINT "visit_budget_lines_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_share_links" ADD CONSTRAINT "visit_share_links_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tasks" ADD CONSTRAINT "visit_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tickets" ADD CONSTRAINT "visit_tickets_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_tickets" ADD CONSTRAINT "visit_tickets_participant_id_visit_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."visit_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_transports" ADD CONSTRAINT "visit_transports_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gifts_visit_idx" ON "gifts" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "gifts_date_idx" ON "gifts" USING btree ("date");--> statement-breakpoint
CREATE INDEX "gifts_person_idx" ON "gifts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "gifts_search_trgm_idx" ON "gifts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "programme_items_visit_day_idx" ON "programme_items" USING btree ("visit_id","day","position");--> statement-breakpoint
CREATE INDEX "visit_accommodations_visit_idx" ON "visit_accommodations" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_budget_lines_visit_idx" ON "visit_budget_lines" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_participants_visit_idx" ON "visit_participants" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_participants_person_idx" ON "visit_participants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_share_links_token_idx" ON "visit_share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "visit_share_links_visit_idx" ON "visit_share_links" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_tasks_visit_idx" ON "visit_tasks" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_tasks_assignee_idx" ON "visit_tasks" USING btree ("assignee_id","done","due_date");--> statement-breakpoint
CREATE INDEX "visit_tickets_visit_idx" ON "visit_tickets" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_transports_visit_idx" ON "visit_transports" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_dates_idx" ON "visits" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE INDEX "visits_responsible_idx" ON "visits" USING btree ("responsible_id");--> statement-breakpoint
CREATE INDEX "visits_organization_idx" ON "visits" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "visits_search_trgm_idx" ON "visits" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "passports_person_idx" ON "passports" USING btree ("person_id","expires_on");--> statement-breakpoint
CREATE INDEX "passports_expiry_idx" ON "passports" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "passports_number_idx" ON "passports" USING btree ("issuing_country","number");