using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lnemis.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Pair entries in the learner name-word index (ADR 0032): besides one entry per distinct name word, a
    /// learner has one under " x y" for each pair of their name words x &lt; y (in the "C" order; the
    /// leading space keeps them out of every word's range), so a search for two words reads the learners
    /// named by both, not every learner named by either. A learner with more than eight name words
    /// has one entry " *" instead of pairs (the search checks those on the search text). The keys come
    /// from one function the three triggers and the fill share.
    /// </summary>
    public partial class LearnerNamePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The index is built again after the fill (one sorted build, compact, not millions of inserts into it).
                DROP INDEX institutions.ix_learner_name_words_in_list_order;
                -- " x y" is at most two characters longer than the search text that holds x and y.
                ALTER TABLE institutions.learner_name_words ALTER COLUMN word TYPE character varying(402) COLLATE "C";

                -- A learner's keys: each distinct name word (at its first place), then " x y" for each pair of them (x < y in the
                -- "C" order), or " *" for more than eight words. The word places and pairs of places come from constant arrays,
                -- by the number of words, unnested in the select list: no per-learner subquery (the function is inlined).
                CREATE FUNCTION institutions.learner_name_keys(search_text text) RETURNS SETOF text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT CASE WHEN j = 0 THEN w[i] WHEN j < 0 THEN ' *' ELSE ' ' || least(w[i] COLLATE "C", w[j]) || ' ' || greatest(w[i] COLLATE "C", w[j]) END
                    FROM (SELECT w, unnest(CASE cardinality(w)
                                                   WHEN 1 THEN '{1}'::int[]
                                                   WHEN 2 THEN '{1,2,1}'::int[]
                                                   WHEN 3 THEN '{1,2,3,1,1,2}'::int[]
                                                   WHEN 4 THEN '{1,2,3,4,1,1,1,2,2,3}'::int[]
                                                   WHEN 5 THEN '{1,2,3,4,5,1,1,1,1,2,2,2,3,3,4}'::int[]
                                                   WHEN 6 THEN '{1,2,3,4,5,6,1,1,1,1,1,2,2,2,2,3,3,3,4,4,5}'::int[]
                                                   WHEN 7 THEN '{1,2,3,4,5,6,7,1,1,1,1,1,1,2,2,2,2,2,3,3,3,3,4,4,4,5,5,6}'::int[]
                                                   WHEN 8 THEN '{1,2,3,4,5,6,7,8,1,1,1,1,1,1,1,2,2,2,2,2,2,3,3,3,3,3,4,4,4,4,5,5,5,6,6,7}'::int[]
                                               ELSE ARRAY(SELECT generate_series(1, cardinality(w))) || 1 END) AS i,
                                    unnest(CASE cardinality(w)
                                                   WHEN 1 THEN '{0}'::int[]
                                                   WHEN 2 THEN '{0,0,2}'::int[]
                                                   WHEN 3 THEN '{0,0,0,2,3,3}'::int[]
                                                   WHEN 4 THEN '{0,0,0,0,2,3,4,3,4,4}'::int[]
                                                   WHEN 5 THEN '{0,0,0,0,0,2,3,4,5,3,4,5,4,5,5}'::int[]
                                                   WHEN 6 THEN '{0,0,0,0,0,0,2,3,4,5,6,3,4,5,6,4,5,6,5,6,6}'::int[]
                                                   WHEN 7 THEN '{0,0,0,0,0,0,0,2,3,4,5,6,7,3,4,5,6,7,4,5,6,7,5,6,7,6,7,7}'::int[]
                                                   WHEN 8 THEN '{0,0,0,0,0,0,0,0,2,3,4,5,6,7,8,3,4,5,6,7,8,4,5,6,7,8,5,6,7,8,6,7,8,7,8,8}'::int[]
                                               ELSE array_fill(0, ARRAY[cardinality(w)]) || -1 END) AS j
                          FROM (SELECT string_to_array(search_text, ' ') AS w) AS words) AS positions
                    WHERE w[i] <> '' AND array_position(w, w[i]) = i AND (j <= 0 OR (w[i] <> w[j] AND array_position(w, w[j]) = j))
                $$;

                CREATE OR REPLACE FUNCTION institutions.learner_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                    SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                    FROM added AS n CROSS JOIN LATERAL institutions.learner_name_keys(n.search_text) AS w(word)
                    WHERE n.status = 'Active' AND n.deleted_at IS NULL;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION institutions.learner_name_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM institutions.learner_name_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, o.family_name, o.given_name, o.learner_number
                           FROM removed AS o JOIN added AS n ON n.id = o.id
                           CROSS JOIN LATERAL institutions.learner_name_keys(o.search_text) AS w(word)
                           WHERE (o.search_text, o.family_name, o.given_name, o.learner_number, o.institution_id, o.sex, o.date_of_birth, o.status, o.deleted_at)
                                 IS DISTINCT FROM (n.search_text, n.family_name, n.given_name, n.learner_number, n.institution_id, n.sex, n.date_of_birth, n.status, n.deleted_at)) AS gone
                    WHERE x.word = gone.word AND x.family_name = gone.family_name AND x.given_name = gone.given_name AND x.learner_number = gone.learner_number;
                    INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                    SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                    FROM removed AS o JOIN added AS n ON n.id = o.id
                    CROSS JOIN LATERAL institutions.learner_name_keys(n.search_text) AS w(word)
                    WHERE n.status = 'Active' AND n.deleted_at IS NULL
                      AND (o.search_text, o.family_name, o.given_name, o.learner_number, o.institution_id, o.sex, o.date_of_birth, o.status, o.deleted_at)
                          IS DISTINCT FROM (n.search_text, n.family_name, n.given_name, n.learner_number, n.institution_id, n.sex, n.date_of_birth, n.status, n.deleted_at);
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION institutions.learner_name_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM institutions.learner_name_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, o.family_name, o.given_name, o.learner_number
                           FROM removed AS o CROSS JOIN LATERAL institutions.learner_name_keys(o.search_text) AS w(word)) AS gone
                    WHERE x.word = gone.word AND x.family_name = gone.family_name AND x.given_name = gone.given_name AND x.learner_number = gone.learner_number;
                    RETURN NULL;
                END $$;

                INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                FROM institutions.learners AS n CROSS JOIN LATERAL institutions.learner_name_keys(n.search_text) AS w(word)
                WHERE n.status = 'Active' AND n.deleted_at IS NULL AND w.word LIKE ' %';
                CREATE UNIQUE INDEX ix_learner_name_words_in_list_order
                    ON institutions.learner_name_words (word, family_name, given_name, learner_number) INCLUDE (learner_id, search_text, institution_id, sex, date_of_birth);
                ANALYZE institutions.learner_name_words;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM institutions.learner_name_words WHERE word LIKE ' %';

                CREATE OR REPLACE FUNCTION institutions.learner_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO institutions.learner_name_words (word, family_name, given_name, learner_number, learner_id, search_text, institution_id, sex, date_of_birth)
                    SELECT w.word, n.family_name, n.given_name, n.learner_number, n.id, n.search_text, n.institution_id, n.sex, n.date_of_birth
                    FROM added AS n CROSS JOIN LATERAL (SELECT DISTINCT x AS word FROM unnest(string_to_array(n.search_text, ' ')) AS x WHERE x <> '') AS w
                    WHERE n.status = 'Active' AND n.deleted_at IS NULL;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION institutions.learner_name_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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

                CREATE OR REPLACE FUNCTION institutions.learner_name_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM institutions.learner_name_words AS x
                    USING (SELECT DISTINCT w.word COLLATE "C" AS word, o.family_name, o.given_name, o.learner_number
                           FROM removed AS o CROSS JOIN LATERAL unnest(string_to_array(o.search_text, ' ')) AS w(word)) AS gone
                    WHERE x.word = gone.word AND x.family_name = gone.family_name AND x.given_name = gone.given_name AND x.learner_number = gone.learner_number;
                    RETURN NULL;
                END $$;

                DROP FUNCTION institutions.learner_name_keys(text);
                ALTER TABLE institutions.learner_name_words ALTER COLUMN word TYPE character varying(400) COLLATE "C";
                """);
        }
    }
}
