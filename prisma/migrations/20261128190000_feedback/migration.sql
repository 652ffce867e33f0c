-- Perceived performance (schema "telemetry", plain SQL like the spans): one row per answer of the poll
-- widget, and the per-route Apdex thresholds adopted from feedback-calibrated fits (lib/feedback/stats).
-- Feedback is small next to spans (one row per answered poll), so it is not partitioned.

CREATE TABLE telemetry.feedback (
    project_id      INTEGER          NOT NULL,
    id              BIGSERIAL        NOT NULL,
    received_at     TIMESTAMPTZ      NOT NULL DEFAULT now(),
    rating          SMALLINT         NOT NULL,
    scale           SMALLINT         NOT NULL,
    -- The rating on [0, 1] whatever the scale, so answers on different scales aggregate together.
    score01         DOUBLE PRECISION GENERATED ALWAYS AS ((rating - 1)::double precision / (scale - 1)) STORED,
    trigger         TEXT             NOT NULL,
    -- '' when the page did not say (as in telemetry.spans), so grouping needs no NULL handling.
    release         TEXT             NOT NULL DEFAULT '',
    route           TEXT             NOT NULL DEFAULT '',
    path            TEXT             NOT NULL,
    -- Stored as given; every view renders it as text (escaped), never as markup.
    comment         TEXT,
    trace_id        BYTEA,
    user_segment    TEXT             NOT NULL DEFAULT '',
    ttfb_ms         INTEGER,
    dcl_ms          INTEGER,
    load_ms         INTEGER,
    lcp_ms          INTEGER,
    inp_ms          INTEGER,
    interaction_ms  INTEGER,
    origin          TEXT             NOT NULL,
    PRIMARY KEY (project_id, id),
    CONSTRAINT feedback_scale CHECK (scale BETWEEN 2 AND 10),
    CONSTRAINT feedback_rating CHECK (rating BETWEEN 1 AND scale),
    CONSTRAINT feedback_trigger CHECK (trigger IN ('manual', 'pageviews', 'slow', 'control')),
    CONSTRAINT feedback_trace_id CHECK (trace_id IS NULL OR octet_length(trace_id) = 16)
);

CREATE INDEX feedback_by_release ON telemetry.feedback (project_id, release, received_at);
CREATE INDEX feedback_by_route ON telemetry.feedback (project_id, route, received_at);
-- "What did the user say about this trace?" from a trace view.
CREATE INDEX feedback_by_trace ON telemetry.feedback (project_id, trace_id) WHERE trace_id IS NOT NULL;

-- A per-route Apdex threshold adopted from feedback; service '' applies to the route in every service.
-- Routes without a row use the project's default (projects.apdex_ms).
CREATE TABLE telemetry.route_apdex (
    project_id      INTEGER          NOT NULL,
    service         TEXT             NOT NULL DEFAULT '',
    route           TEXT             NOT NULL,
    threshold_ms    INTEGER          NOT NULL CHECK (threshold_ms > 0),
    adopted_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, service, route)
);
