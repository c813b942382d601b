using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The learner name-word index (ADR 0032): a table with one entry per distinct word of each active
    /// learner's search text, in the list's order within each word, with what a search filters on; kept
    /// up by statement-level triggers on the learners table (the API's writes, the import's INSERT …
    /// SELECT and the seed's COPY alike, set-based) and filled from the learners already held. Not part
    /// of the EF model's migrations (it is mapped read-only). The trigram index it replaces goes.
    /// </summary>
    public partial class LearnerNameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learners_search_text",
                schema: "institutions",
                table: "learners");

            migrationBuilder.Sql("""
                CREATE TABLE institutions.learner_name_words (
                    word character varying(400) COLLATE "C" NOT NULL,
                    family_name character varying(100) NOT NULL,
                    given_name character varying(100) NOT NULL,
                    learner_number character varying(10) NOT NULL,
                    learner_id uuid NOT NULL,
                    search_text character varying(400) NOT NULL,
                    institution_id uuid NOT NULL,
                    sex character varying(10) NOT NULL,
                    date_of_birth date NOT NULL);
                -- The search reads the rarest typed word's range, chosen by the planner's estimate: a thousand
                -- most common words (not a hundred) keeps the estimate close for a country's names.
                ALTER TABLE institutions.learner_name_words ALTER COLUMN word SET STATISTICS 1000;

                -- Only active, undeleted learners are searched through the index (merged ones are read from the table).
                CREATE FUNCTION institutions.learner_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                    SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                    FROM added AS n CROSS JOIN LATERAL (SELECT DISTINCT x AS word FROM unnest(string_to_array(n.search_text, ' ')) AS x WHERE x <> '') AS w
                    WHERE n.status = 'Active' AND n.deleted_at IS NULL;
                    RETURN NULL;
                END $$;

                -- Only rows whose entries change: a new name, school, sex, birth date or status, a deletion. Another update (a
                -- guardian's phone, a version) touches no entry.
                CREATE FUNCTION institutions.learner_name_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM institutions.learner_name_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, o.family_name, o.given_name, o.learner_number
                           FROM removed AS o JOIN added AS n ON n.id = o.id
                           CROSS JOIN LATERAL unnest(string_to_array(o.search_text, ' ')) AS w(word)
                           WHERE (o.search_text, o.family_name, o.given_name, o.learner_number, o.institution_id, o.sex, o.date_of_birth, o.status, o.deleted_at)
                                 IS DISTINCT FROM (n.search_text, n.family_name, n.given_name, n.learner_number, n.institution_id, n.sex, n.date_of_birth, n.status, n.deleted_at)) AS gone
                    WHERE x.word = gone.word AND x.family_name = gone.family_name AND x.given_name = gone.given_name AND x.learner_number = gone.learner_number;
                    INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                    SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                    FROM removed AS o JOIN added AS n ON n.id = o.id
                    CROSS JOIN LATERAL (SELECT DISTINCT x AS word FROM unnest(string_to_array(n.search_text, ' ')) AS x WHERE x <> '') AS w
                    WHERE n.status = 'Active' AND n.deleted_at IS NULL
                      AND (o.search_text, o.family_name, o.given_name, o.learner_number, o.institution_id, o.sex, o.date_of_birth, o.status, o.deleted_at)
                          IS DISTINCT FROM (n.search_text, n.family_name, n.given_name, n.learner_number, n.institution_id, n.sex, n.date_of_birth, n.status, n.deleted_at);
                    RETURN NULL;
                END $$;

                CREATE FUNCTION institutions.learner_name_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM institutions.learner_name_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, o.family_name, o.given_name, o.learner_number
                           FROM removed AS o CROSS JOIN LATERAL unnest(string_to_array(o.search_text, ' ')) AS w(word)) AS gone
                    WHERE x.word = gone.word AND x.family_name = gone.family_name AND x.given_name = gone.given_name AND x.learner_number = gone.learner_number;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER learner_name_words_added AFTER INSERT ON institutions.learners
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION institutions.learner_name_words_added();
                CREATE TRIGGER learner_name_words_changed AFTER UPDATE ON institutions.learners
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION institutions.learner_name_words_changed();
                CREATE TRIGGER learner_name_words_removed AFTER DELETE ON institutions.learners
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION institutions.learner_name_words_removed();

                INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                FROM institutions.learners AS n
                CROSS JOIN LATERAL (SELECT DISTINCT x AS word FROM unnest(string_to_array(n.search_text, ' ')) AS x WHERE x <> '') AS w
                WHERE n.status = 'Active' AND n.deleted_at IS NULL;

                -- Each word's learners in the list's order; the search's other checks and the list's columns are the included ones.
                CREATE UNIQUE INDEX ix_learner_name_words_in_list_order
                    ON institutions.learner_name_words (word, family_name, given_name, learner_number) INCLUDE (learner_id, search_text, institution_id, sex, date_of_birth);
                ANALYZE institutions.learner_name_words;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER learner_name_words_added ON institutions.learners;
                DROP TRIGGER learner_name_words_changed ON institutions.learners;
                DROP TRIGGER learner_name_words_removed ON institutions.learners;
                DROP FUNCTION institutions.learner_name_words_added();
                DROP FUNCTION institutions.learner_name_words_changed();
                DROP FUNCTION institutions.learner_name_words_removed();
                DROP TABLE institutions.learner_name_words;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_learners_search_text",
                schema: "institutions",
                table: "learners",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
