"""The record of the mails sent once."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='SentMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('once_key', models.CharField(max_length=200, unique=True, verbose_name='once key')),
                ('template', models.CharField(max_length=120, verbose_name='template')),
                ('recipients', models.TextField(verbose_name='recipients')),
                ('language', models.CharField(max_length=10, verbose_name='language')),
                ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent')),
            ],
            options={
                'verbose_name': 'sent mail',
                'verbose_name_plural': 'sent mails',
                'ordering': ['-sent_at'],
            },
        ),
    ]
