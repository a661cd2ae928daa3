package dev.trailhunt.geoip;

import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.record.Location;
import com.maxmind.geoip2.record.Subdivision;

import java.util.Locale;

/**
 * Turns MaxMind answers into the values Elastic's geoip processor writes with its default properties
 * (City: continent_name, country_iso_code, country_name, region_iso_code, region_name, city_name,
 * location) and with the aws pipeline's ASN properties (asn → number, organization_name → organization.name).
 */
final class GeoFields {
    static final int CONTINENT = 0;
    static final int COUNTRY_ISO = 1;
    static final int COUNTRY = 2;
    static final int REGION_ISO = 3;
    static final int REGION = 4;
    static final int CITY = 5;
    static final int LOCATION = 6;
    static final int AS_NUMBER = 7;
    static final int AS_ORG = 8;

    private GeoFields() {
    }

    /** Writes the City properties into {@code v}; tells whether any was present. */
    static boolean city(CityResponse r, Object[] v) {
        String countryIso = r.getCountry().getIsoCode();
        Subdivision sub = r.getMostSpecificSubdivision();
        v[CONTINENT] = r.getContinent().getName();
        v[COUNTRY_ISO] = countryIso;
        v[COUNTRY] = r.getCountry().getName();
        // Elastic builds the ISO 3166-2 code from the country and the most specific subdivision.
        v[REGION_ISO] = countryIso != null && sub.getIsoCode() != null ? countryIso + "-" + sub.getIsoCode() : null;
        v[REGION] = sub.getName();
        v[CITY] = r.getCity().getName();
        Location l = r.getLocation();
        v[LOCATION] = l.getLatitude() != null && l.getLongitude() != null
                ? point(l.getLatitude(), l.getLongitude()) : null;
        for (int i = CONTINENT; i <= LOCATION; i++) {
            if (v[i] != null) {
                return true;
            }
        }
        return false;
    }

    /** Writes the ASN properties into {@code v}; tells whether any was present. */
    static boolean asn(AsnResponse r, Object[] v) {
        v[AS_NUMBER] = r.getAutonomousSystemNumber();
        v[AS_ORG] = r.getAutonomousSystemOrganization();
        return v[AS_NUMBER] != null || v[AS_ORG] != null;
    }

    /** Renders a geo_point as ES|QL shows it: WKT with longitude first. */
    static String point(double lat, double lon) {
        return String.format(Locale.ROOT, "POINT (%s %s)", Double.toString(lon), Double.toString(lat));
    }
}
