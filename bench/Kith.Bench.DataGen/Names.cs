namespace Kith.Bench.DataGen;

/// <summary>Given and family names in several scripts, so sorting, folding and search meet real text.</summary>
internal static class Names
{
    public static readonly string[][] FirstNames =
    [
        ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
         "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
         "Anthony", "Betty", "Mark", "Margaret", "Paul", "Sandra", "Steven", "Ashley", "Andrew", "Emily", "Joshua", "Donna"],
        ["Émile", "Zoë", "François", "Hélène", "Søren", "Åsa", "Jürgen", "Björn", "Agnès", "Noël", "Inês", "João", "Łukasz", "Małgorzata",
         "Dvořák", "Ángel", "Lucía", "Renée", "Chloé", "Maëlle"],
        ["Алексей", "Мария", "Дмитрий", "Анна", "Сергей", "Елена", "Иван", "Ольга", "Николай", "Татьяна"],
        ["Γιώργος", "Μαρία", "Νίκος", "Ελένη", "Κώστας", "Σοφία"],
        ["محمد", "فاطمة", "أحمد", "مريم", "علي", "نور"],
        ["伟", "芳", "娜", "秀英", "敏", "静", "翔太", "陽菜", "大輝", "さくら"],
        ["आरव", "अनन्या", "विवान", "दिया", "अर्जुन", "सान्वी"],
    ];

    public static readonly string[][] LastNames =
    [
        ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
         "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
         "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott"],
        ["Müller", "Lefèvre", "Fernández", "Kowalski", "Nørgaard", "Öztürk", "Çelik", "Dubois", "Brontë", "Szabó", "Horváth", "Němec"],
        ["Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева"],
        ["Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου"],
        ["الحسن", "العلي", "المصري", "الخطيب"],
        ["王", "李", "张", "刘", "佐藤", "鈴木", "高橋", "田中"],
        ["शर्मा", "वर्मा", "गुप्ता", "सिंह"],
    ];

    /// <summary>Most people in an address book share a script; a fifth come from elsewhere.</summary>
    public static int Script(Random random) => random.NextDouble() < 0.6 ? 0 : random.Next(FirstNames.Length);

    public static readonly string[] Companies =
    [
        "Acme Corporation", "Globex", "Initech", "Umbrella Health", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries",
        "Soylent", "Tyrell", "Cyberdyne Systems", "Wonka Industries", "Aperture Science", "Black Mesa", "Massive Dynamic", "Oscorp",
    ];

    public static readonly string[] Labels = ["Family", "Friends", "Work", "Book club", "Climbing", "Neighbours", "School", "Choir"];

    public static readonly string[] Nicknames = ["Bear", "Sunny", "Doc", "Ace", "Kiki", "Max", "Bibi", "Jojo", "Pip", "Lulu"];
}
