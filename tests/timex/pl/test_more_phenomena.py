"""Polish: more phenomena a reader of the news cares about — parts of the day, weekends, repetitions, decades
and centuries, clock times with the part of the day, "a few days ago", a month of last year (sentences written
for these tests)."""
from datetime import date

from tests.timex.lang_cases import case_tests

REF = date(2024, 11, 18)   # a Monday
L = "pl"

CASES = [
    ('W najbliższych tygodniach odbędą się rozmowy.', [('W najbliższych tygodniach', 'PXW')]),
    ('W ostatnich dniach spadły rakiety.', [('W ostatnich dniach', 'PXD')]),
    ('Wojska dotarły przedwczoraj wieczorem.', [('przedwczoraj wieczorem', '2024-11-16TEV')]),
    ('Atak nastąpił w miniony weekend.', [('miniony weekend', '2024-W46-WE')]),
    ('Szczyt odbędzie się w ten weekend.', [('ten weekend', '2024-W47-WE')]),
    ('Walki trwały trzy tygodnie.', [('trzy tygodnie', 'P3W')]),
    ('Ministrowie spotykają się w każdy wtorek.', [('każdy wtorek', 'XXXX-WXX-2')]),
    ('Inspektorzy odwiedzają elektrownię dwa razy w tygodniu.', [('dwa razy w tygodniu', 'P1W')]),
    ('Miasto rozrosło się w latach dziewięćdziesiątych.', [('latach dziewięćdziesiątych', '199')]),
    ('Most zbudowano na początku XX wieku.', [('na początku XX wieku', '19')]),
    ('Prezydent przemawiał w zeszły wtorek rano.', [('zeszły wtorek rano', '2024-11-12TMO')]),
    ('Miasto upadło dwa tygodnie temu.', [('dwa tygodnie temu', '2024-11-04')]),
    ('Ofensywa zaczęła się latem 2022 roku.', [('latem 2022 roku', '2022-SU')]),
    ('Prezydent przemawiał o trzeciej po południu.', [('trzeciej po południu', '2024-11-18T15:00')]),
    ('Konwój wyruszył o szóstej rano.', [('szóstej rano', '2024-11-18T06:00')]),
    ('Wojska wróciły wczoraj po południu.', [('wczoraj po południu', '2024-11-17TAF')]),
    ('W zeszłym miesiącu spadło sto rakiet.', [('zeszłym miesiącu', '2024-10')]),
    ('Porozumienie zostanie podpisane w przyszłym roku.', [('przyszłym roku', '2025')]),
    ('Kilka dni temu przyjechały czołgi.', [('Kilka dni temu', 'PAST_REF')]),
    ('Wojsko odbiło miasto w marcu ubiegłego roku.', [('marcu ubiegłego roku', '2023-03')]),
    ('Rozejm złamano zeszłej zimy.', [('zeszłej zimy', '2023-WI')]),
    ('Wojna trwała między 2014 a 2022 rokiem.', [('2014', '2014'), ('2022 rokiem', '2022')]),
]

NOT_DATES = [
    'Batalion liczy 1500 żołnierzy.',
    '17-letni chłopak zginął w ataku.',
    'Trzy razy odmówił.',
]

test_more_phenomena, test_more_things_that_are_not_dates = case_tests(L, REF, CASES, NOT_DATES)
