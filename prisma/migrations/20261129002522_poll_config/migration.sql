-- Feedback poll settings per project (model PollConfig); no row = the widget defaults.

-- CreateTable
CREATE TABLE "poll_configs" (
    "project_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "question" TEXT NOT NULL DEFAULT '',
    "scale" INTEGER NOT NULL DEFAULT 5,
    "sample_rate" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "cooldown_days" DOUBLE PRECISION NOT NULL DEFAULT 7,
    "triggers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "page_views" INTEGER NOT NULL DEFAULT 5,
    "slow_ms" INTEGER NOT NULL DEFAULT 1000,
    "control_rate" DOUBLE PRECISION NOT NULL DEFAULT 0.02,
    "releases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "texts" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "poll_configs_pkey" PRIMARY KEY ("project_id")
);

-- AddForeignKey
ALTER TABLE "poll_configs" ADD CONSTRAINT "poll_configs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
