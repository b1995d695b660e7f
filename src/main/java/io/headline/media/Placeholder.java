package io.headline.media;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * What a front end shows before an image arrives: a BlurHash (https://blurha.sh, a few dozen characters that decode
 * to a blurred preview) and the dominant colour, both from a tiny thumbnail the engine made.
 */
record Placeholder(String blurHash, String dominantColor) {

    private static final String BASE83 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static final int X_COMPONENTS = 4;
    private static final int Y_COMPONENTS = 3;

    static Placeholder of(BufferedImage image) {
        return new Placeholder(blurHash(image), dominantColor(image));
    }

    /** The encoding of the BlurHash algorithm: a DCT of the linear-light image, its components quantised in base 83. */
    static String blurHash(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] factors = new double[X_COMPONENTS * Y_COMPONENTS][];
        for (int j = 0; j < Y_COMPONENTS; j++) {
            for (int i = 0; i < X_COMPONENTS; i++) {
                double normalisation = i == 0 && j == 0 ? 1 : 2;
                double r = 0;
                double g = 0;
                double b = 0;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double basis = normalisation * Math.cos(Math.PI * i * x / width) * Math.cos(Math.PI * j * y / height);
                        int rgb = image.getRGB(x, y);
                        r += basis * toLinear((rgb >> 16) & 0xff);
                        g += basis * toLinear((rgb >> 8) & 0xff);
                        b += basis * toLinear(rgb & 0xff);
                    }
                }
                double scale = 1.0 / (width * height);
                factors[j * X_COMPONENTS + i] = new double[] {r * scale, g * scale, b * scale};
            }
        }
        StringBuilder hash = new StringBuilder();
        encode83((X_COMPONENTS - 1) + (Y_COMPONENTS - 1) * 9, 1, hash);
        double maxValue;
        if (factors.length > 1) {
            double actualMax = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double v : factors[k]) {
                    actualMax = Math.max(actualMax, Math.abs(v));
                }
            }
            int quantisedMax = (int) Math.max(0, Math.min(82, Math.floor(actualMax * 166 - 0.5)));
            maxValue = (quantisedMax + 1) / 166.0;
            encode83(quantisedMax, 1, hash);
        } else {
            maxValue = 1;
            encode83(0, 1, hash);
        }
        double[] dc = factors[0];
        encode83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4, hash);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            int r = quantiseAc(ac[0], maxValue);
            int g = quantiseAc(ac[1], maxValue);
            int b = quantiseAc(ac[2], maxValue);
            encode83(r * 19 * 19 + g * 19 + b, 2, hash);
        }
        return hash.toString();
    }

    /** The most common colour, in buckets of 16 levels a channel, as the mean of the pixels in that bucket. */
    static String dominantColor(BufferedImage image) {
        Map<Integer, long[]> buckets = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                long[] sum = buckets.computeIfAbsent((r >> 4) << 8 | (g >> 4) << 4 | (b >> 4), k -> new long[4]);
                sum[0] += r;
                sum[1] += g;
                sum[2] += b;
                sum[3]++;
            }
        }
        long[] top = buckets.values().stream().max((a, c) -> Long.compare(a[3], c[3])).orElse(new long[] {0, 0, 0, 1});
        return String.format("#%02x%02x%02x", top[0] / top[3], top[1] / top[3], top[2] / top[3]);
    }

    private static int quantiseAc(double value, double maxValue) {
        double v = value / maxValue;
        double signedRoot = Math.copySign(Math.pow(Math.abs(v), 0.5), v);
        return (int) Math.max(0, Math.min(18, Math.floor(signedRoot * 9 + 9.5)));
    }

    private static double toLinear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void encode83(int value, int length, StringBuilder out) {
        for (int i = 1; i <= length; i++) {
            int digit = (value / (int) Math.pow(83, length - i)) % 83;
            out.append(BASE83.charAt(digit));
        }
    }
}
