-- materialized: table
-- The code lists the target constraints name (delta.target_constraints.code_list), one row per code:
--   iso_3166_1_alpha2  the 249 officially assigned ISO 3166-1 alpha-2 country codes; CustomPMS accepts
--                      exactly these (its emulator too) and Wave's CountryCode enum is the same list
--   iso_4217           ISO 4217 currencies in circulation (no fund, precious-metal or testing codes):
--                      what a canonical customer's currency must be
--   wave_currency      Wave's CurrencyCode enum (pipelines/wave/public-schema.graphql): it still has
--                      withdrawn codes (EEK, LTL, ...) and lacks some current ones (BYN, VES, ...); a value
--                      outside it fails the whole GraphQL request, so it is held back instead
-- To change a list, edit it here (a changed model forces a full refresh).
with lists (list_name, codes) as (
    values
        ('iso_3166_1_alpha2', '
            AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN
            BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
            DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL
            GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM
            JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
            MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
            NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD
            SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
            TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        '),
        ('iso_4217', '
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
            BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB
            EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK
            JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
            MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK
            PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN
            SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV
            WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
        '),
        ('wave_currency', '
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
            BTN BWP BYR BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EEK EGP ERN
            ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GWP GYD HKD HNL HRK HTG HUF IDR ILS INR
            IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL LTL LVL
            LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
            NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP
            SLL SOS SRD SSP STD SVC SYP SZL THB TJS TMM TND TOP TRY TTD TWD TZS UAH UGX USD UYU
            UZS VEF VND VUV WST XAF XCD XOF XPF YER ZAR ZMK ZMW ZWD
        ')
)

select list_name, unnest(regexp_extract_all(codes, '[A-Z]+')) as code
from lists
