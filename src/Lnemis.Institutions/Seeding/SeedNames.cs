namespace Lnemis.Institutions.Seeding;

/// <summary>Fictional names for generated people and places (no real person's record is ever used).</summary>
internal static class SeedNames
{
    public static readonly string[] Female =
    [
        "Amani", "Achieng", "Wanjiru", "Nia", "Zawadi", "Imani", "Akinyi", "Nyokabi", "Halima", "Fatuma", "Grace", "Mercy",
        "Faith", "Joy", "Esther", "Ruth", "Naomi", "Miriam", "Sarah", "Mary", "Ann", "Lucy", "Agnes", "Beatrice",
        "Catherine", "Dorcas", "Eunice", "Florence", "Gladys", "Hellen", "Irene", "Janet", "Kendi", "Lilian", "Mwende",
        "Njeri", "Olivia", "Pendo", "Rehema", "Sanaa", "Tabitha", "Uzuri", "Violet", "Winnie", "Yasmin", "Zuhura",
        "Aisha", "Baraka", "Chiku", "Dalia", "Eshe", "Farida", "Habiba", "Jamila", "Kesi", "Latifa", "Makena", "Nuru",
        "Penina", "Rukia", "Salma", "Tumaini", "Wairimu", "Ayana", "Sefu", "Auma", "Atieno", "Nafula", "Chebet", "Jepkoech",
    ];

    public static readonly string[] Male =
    [
        "Juma", "Otieno", "Kamau", "Baraka", "Omondi", "Mwangi", "Kiprop", "Hassan", "Ali", "Joseph", "John", "Peter",
        "David", "Daniel", "Samuel", "James", "Paul", "Brian", "Kevin", "Dennis", "Felix", "George", "Isaac", "Jacob",
        "Kennedy", "Lawrence", "Moses", "Nelson", "Oscar", "Patrick", "Robert", "Stephen", "Timothy", "Victor", "Wycliffe",
        "Abdi", "Bakari", "Chege", "Dalmas", "Eliud", "Fidel", "Gideon", "Hamisi", "Idris", "Jabari", "Kariuki", "Lemayan",
        "Musa", "Njoroge", "Ouma", "Rashid", "Salim", "Tito", "Wafula", "Yusuf", "Zuberi", "Kibet", "Kipchoge", "Macharia",
        "Mutua", "Nyamweya", "Onyango", "Ruto", "Simiyu", "Wekesa", "Barasa", "Kimani", "Odhiambo", "Makau", "Mutiso",
    ];

    public static readonly string[] Family =
    [
        "Otieno", "Kamau", "Mwangi", "Wanjiku", "Ochieng", "Odhiambo", "Kiprono", "Chebet", "Mutua", "Njoroge", "Kariuki",
        "Omondi", "Onyango", "Wafula", "Wekesa", "Barasa", "Simiyu", "Kimani", "Macharia", "Maina", "Njeri", "Wambui",
        "Achieng", "Akinyi", "Atieno", "Auma", "Nafula", "Nekesa", "Juma", "Hassan", "Mohamed", "Abdi", "Ali", "Omar",
        "Mutiso", "Musyoka", "Kioko", "Mulwa", "Ndambuki", "Kilonzo", "Koech", "Langat", "Rotich", "Kirui", "Kosgei",
        "Cheruiyot", "Biwott", "Tanui", "Ngugi", "Gitau", "Kinyua", "Muriuki", "Mugo", "Nyaga", "Ireri", "Njagi",
        "Okoth", "Owino", "Ouma", "Oduor", "Opiyo", "Awuor", "Adhiambo", "Anyango", "Were", "Makokha", "Wanyama",
        "Masinde", "Nabwire", "Khaemba", "Mbugua", "Githinji", "Kuria", "Mwita", "Chacha", "Marwa", "Nyamweya",
        "Ongeri", "Moraa", "Kerubo", "Bosire", "Nyakundi", "Momanyi", "Lekishon", "Saitoti", "Ole Nkere", "Lemaiyan",
        "Lokwang", "Ekiru", "Lokaale", "Nakuwa", "Mohamud", "Farah", "Dahir", "Warsame", "Bakari", "Salim", "Mwinyi",
        "Kazungu", "Chai", "Karisa", "Baya", "Katana", "Jilo", "Galgalo", "Guyo", "Boru", "Dida", "Huka",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "ri", "na", "mo", "lu", "se", "ta", "bu", "ne", "ko", "wa", "li", "ma", "ru", "ga", "to", "si", "la", "mi",
        "ba", "nyo", "ke", "so", "ji", "mba", "ndi", "ki", "ya", "ro", "pe", "shi", "ra", "le", "tu", "ngo", "za",
    ];

    public static readonly string[] SchoolWords = ["Hill", "River", "Valley", "Central", "Junction", "Springs", "Market", "Forest", "Lake", "Plains", "Bridge", "Highway"];

    /// <summary>A place name of two or three syllables, capitalised.</summary>
    public static string Place(Random random)
    {
        var count = random.Next(2, 4);
        var name = string.Concat(Enumerable.Range(0, count).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
