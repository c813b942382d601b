"""Names of the fictional country used by the search benchmark (bench/search.sh).

Given names are real names from several languages (a few with accents, which the search folds
away); family and place names are made from syllables so there are thousands of them, with a
long-tailed (Zipf-like) frequency, as real registers have. Deterministic for a given seed.
"""
import random

FEMALE = """Amina Akinyi Achieng Adhiambo Agnes Alice Aisha Anyango Atieno Awino Beatrice Brenda Caroline Catherine
Chebet Cherono Chloé Christine Cynthia Dorcas Edith Elizabeth Esther Eunice Faith Fatuma Florence Gladys Grace Halima
Hellen Irene Jacinta Jane Janet Joy Joyce Judith Juliet Kawira Lilian Linet Lucy Makena Margaret Mary Mercy Miriam
Monica Mwajuma Nafula Naliaka Nanjala Nasimiyu Neema Njeri Nyambura Nyokabi Pamela Patience Peninah Phoebe Purity Rahma
Rehema Rose Ruth Sarah Sharon Sofía Stella Susan Tabitha Tatiana Teresa Wambui Wangari Wanjirũ Wanjiku Wairimu Winnie
Zawadi Zainabu Zoé Amani Baraka Imani Nadia Noëlle Hélène Inès Léa Chantal Béatrice Aurélie Mariam Salma Khadija
Yasmin Leila Nasra Sabra Wairĩmũ Gakenia Muthoni Wanjeri Kanini Mwende Syokau Kalekye Mumbua Ndinda Nzisa""".split()

MALE = """Abdi Abdullahi Allan Amos Andrew Anthony Bernard Boniface Brian Calvin Charles Collins Daniel David Dennis
Derrick Duncan Edwin Elijah Emmanuel Eric Evans Felix Francis Fredrick Geoffrey George Gideon Hassan Ian Isaac Jackson
James Japheth Jeremiah John Joseph Joshua Julius Kamau Kelvin Kennedy Kevin Kiprono Kipchoge Kiptoo Lawrence Leonard
Martin Mark Michael Moses Mohamed Mwangi Nelson Nicholas Njoroge Ochieng Odhiambo Omondi Otieno Patrick Paul Peter
Philip Richard Robert Samuel Simon Stephen Timothy Tobias Victor Vincent Walter Wafula Wekesa Wanyama William Yusuf
Zakaria Mũrĩmi Ngũgĩ Gĩthinji Kĩmani Ndũng'u Jérôme Rémi Théo Noé André Frédéric Séverin José Ángel Muli Musyoka
Mutua Kioko Nzioka Kyalo Mutinda Wambua Kariuki Macharia Kinyua Gitau Mugo Kahiga""".split()

FAMILY_HEAD = """Achieng Akinyi Atieno Baraka Chebet Cherono Gitau Kamau Kariuki Kiprono Kiptoo Kimani Kinyua Kioko
Kipchumba Koech Korir Langat Macharia Mohamed Mugo Muli Musyoka Mutai Mutinda Mutua Mwangi Ndirangu Ngugi Njoroge
Nyambura Ochieng Odhiambo Odongo Okoth Omondi Onyango Otieno Owino Rotich Ruto Too Wafula Wambua Wambui Wanjala
Wanjiru Wanyama Waweru Wekesa Ngũgĩ Kĩmani Gĩthinji Ndũng'u Mũrĩmi Nyaga Njeru Wairimu Karanja Kiplagat Cheruiyot
Kibet Kirui Bett Chepkoech Jeptoo Kemboi Keter Lagat Limo Maina Maingi Mbugua Muriuki Mwaura Ndegwa Njenga Nyongesa
Oduor Ogola Oluoch Omollo Opiyo Ouma Owuor Simiyu Wasike Barasa Juma Hassan Abdi Ali Omar Salim Faraji Bakari""".split()

ONSETS = ["k", "m", "w", "ng", "ch", "n", "b", "t", "r", "s", "j", "g", "l", "nd", "mb", "ny", "sh", "ky", "mw", "kw",
          "th", "d", "h", "z", "y", "p", "f", "v"]
VOWELS = ["a", "e", "i", "o", "u", "a", "i", "o"]
PLACE_ENDINGS = ["ni", "ri", "ta", "go", "la", "bu", "wa", "ke", "ru", "mo", "ngo", "ya"]


def _word(rng, syllables, endings=None):
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)]
    if endings:
        parts.append(rng.choice(endings))
    w = "".join(parts)
    return w[0].upper() + w[1:]


def family_names(count, seed=11):
    rng = random.Random(seed)
    names, seen = list(FAMILY_HEAD), set(n.lower() for n in FAMILY_HEAD)
    while len(names) < count:
        w = _word(rng, rng.choice([2, 3, 3, 4]))
        if w.lower() not in seen and len(w) >= 4:
            seen.add(w.lower())
            names.append(w)
    return names


def place_names(count, seed=23):
    rng = random.Random(seed)
    names, seen = [], set()
    while len(names) < count:
        w = _word(rng, rng.choice([1, 2, 2, 3]), PLACE_ENDINGS)
        if w.lower() not in seen and len(w) >= 5:
            seen.add(w.lower())
            names.append(w)
    return names


def weights(count, total, shift):
    """Integer weights summing to total, falling like 1/(rank+shift) (every name at least 1)."""
    raw = [1.0 / (k + shift) for k in range(1, count + 1)]
    scale = (total - count) / sum(raw)
    exact = [r * scale for r in raw]
    w = [1 + int(e) for e in exact]
    # Largest remainders get the rest, so the sum is exact without skewing the head.
    for k in sorted(range(count), key=lambda k: int(exact[k]) - exact[k])[:total - sum(w)]:
        w[k] += 1
    return w
