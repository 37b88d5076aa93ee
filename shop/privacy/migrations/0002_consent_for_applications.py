"""Consents given on the producer and tourism partner applications."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('privacy', '0001_consents_and_audit'),
    ]

    operations = [
        migrations.AlterField(
            model_name='consentrecord',
            name='method',
            field=models.CharField(choices=[('signup_form', 'Ticked on the sign-up form'), ('checkout_form', 'Ticked before placing the order'), ('producer_form', 'Ticked on the producer application'), ('partner_form', 'Ticked on the tourism partner application')], max_length=16, verbose_name='how it was given'),
        ),
        migrations.AlterField(
            model_name='consentrecord',
            name='purpose',
            field=models.CharField(choices=[('account', 'Holding an account'), ('orders', 'Placing and delivering orders'), ('application', 'Applying as a producer or partner')], max_length=16, verbose_name='purpose'),
        ),
    ]
