using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The case-word index (ADR 0036): one entry per distinct word of each live case's own words (number,
    /// subject, requester name and e-mail) with the case's scope key, in (word, scope key) order, so that
    /// "do more than a thousand of the caller's cases hold this word?" is a count that stops at the
    /// thousand-and-first entry. Kept up by statement-level triggers on the search documents (the
    /// indexer's writes, the seed's COPY, the backfill and the retention's deletions alike) and filled
    /// from the documents already held. Not part of the EF model: it is read with SQL.
    /// </summary>
    public partial class CaseSearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE correspondence.case_search_words (
                    word character varying(60) COLLATE "C" NOT NULL,
                    scope_key text COLLATE "C" NOT NULL,
                    case_id uuid NOT NULL);
                -- The planner decides between this count and the full-text index by the word's estimate.
                ALTER TABLE correspondence.case_search_words ALTER COLUMN word SET STATISTICS 1000;

                -- A document's entries: its case words, each with the case's own scope key (the last and longest of
                -- its scope keys: the scope path up to its last '/'). A deleted case has no keys, hence no entries.
                CREATE FUNCTION correspondence.case_search_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO correspondence.case_search_words (word, scope_key, case_id)
                    SELECT DISTINCT w.word, split_part(btrim(n.scope_keys), ' ', -1), n.case_id
                    FROM added AS n CROSS JOIN LATERAL unnest(string_to_array(btrim(n.case_words), ' ')) AS w(word)
                    WHERE btrim(n.scope_keys) <> '' AND w.word <> '';
                    RETURN NULL;
                END $$;

                -- Only documents whose case words or scope keys change: a new history entry (most updates) touches no entry.
                CREATE FUNCTION correspondence.case_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM correspondence.case_search_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, split_part(btrim(o.scope_keys), ' ', -1) COLLATE "C" AS scope_key, o.case_id
                           FROM removed AS o JOIN added AS n ON n.case_id = o.case_id
                           CROSS JOIN LATERAL unnest(string_to_array(btrim(o.case_words), ' ')) AS w(word)
                           WHERE (o.case_words, o.scope_keys) IS DISTINCT FROM (n.case_words, n.scope_keys)) AS gone
                    WHERE x.word = gone.word AND x.scope_key = gone.scope_key AND x.case_id = gone.case_id;
                    INSERT INTO correspondence.case_search_words (word, scope_key, case_id)
                    SELECT DISTINCT w.word, split_part(btrim(n.scope_keys), ' ', -1), n.case_id
                    FROM removed AS o JOIN added AS n ON n.case_id = o.case_id
                    CROSS JOIN LATERAL unnest(string_to_array(btrim(n.case_words), ' ')) AS w(word)
                    WHERE (o.case_words, o.scope_keys) IS DISTINCT FROM (n.case_words, n.scope_keys)
                      AND btrim(n.scope_keys) <> '' AND w.word <> '';
                    RETURN NULL;
                END $$;

                CREATE FUNCTION correspondence.case_search_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM correspondence.case_search_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, split_part(btrim(o.scope_keys), ' ', -1) COLLATE "C" AS scope_key, o.case_id
                           FROM removed AS o CROSS JOIN LATERAL unnest(string_to_array(btrim(o.case_words), ' ')) AS w(word)) AS gone
                    WHERE x.word = gone.word AND x.scope_key = gone.scope_key AND x.case_id = gone.case_id;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER case_search_words_added AFTER INSERT ON correspondence.case_search
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION correspondence.case_search_words_added();
                CREATE TRIGGER case_search_words_changed AFTER UPDATE ON correspondence.case_search
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION correspondence.case_search_words_changed();
                CREATE TRIGGER case_search_words_removed AFTER DELETE ON correspondence.case_search
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION correspondence.case_search_words_removed();

                INSERT INTO correspondence.case_search_words (word, scope_key, case_id)
                SELECT DISTINCT w.word, split_part(btrim(n.scope_keys), ' ', -1), n.case_id
                FROM correspondence.case_search AS n CROSS JOIN LATERAL unnest(string_to_array(btrim(n.case_words), ' ')) AS w(word)
                WHERE btrim(n.scope_keys) <> '' AND w.word <> '';

                -- Each word's cases by scope key: a scope is a key range, and the count reads the index alone.
                CREATE UNIQUE INDEX ix_case_search_words_by_scope ON correspondence.case_search_words (word, scope_key, case_id);
                ANALYZE correspondence.case_search_words;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER case_search_words_added ON correspondence.case_search;
                DROP TRIGGER case_search_words_changed ON correspondence.case_search;
                DROP TRIGGER case_search_words_removed ON correspondence.case_search;
                DROP FUNCTION correspondence.case_search_words_added();
                DROP FUNCTION correspondence.case_search_words_changed();
                DROP FUNCTION correspondence.case_search_words_removed();
                DROP TABLE correspondence.case_search_words;
                """);
        }
    }
}
